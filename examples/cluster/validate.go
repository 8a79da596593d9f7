package main

import (
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/gantryhq/gantry/api"
)

// printValidation prints one line per kind: how many objects, how many are
// valid, and every problem found.
func printValidation(out io.Writer, objs []api.Object) error {
	type tally struct{ total, valid int }
	counts := map[string]*tally{}
	var order []string
	var problems []string
	for _, o := range objs {
		k := o.GroupVersionKind().Kind
		t := counts[k]
		if t == nil {
			t = &tally{}
			counts[k] = t
			order = append(order, k)
		}
		t.total++
		if err := o.Validate(); err != nil {
			var ve *api.ValidationError
			if errors.As(err, &ve) {
				for _, fe := range ve.Errors {
					problems = append(problems, fmt.Sprintf("%s %s: %s", k, o.GetObjectMeta().Key(), fe))
				}
			} else {
				problems = append(problems, err.Error())
			}
			continue
		}
		t.valid++
	}
	fmt.Fprintln(out, "\n== validation")
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KIND\tOBJECTS\tVALID")
	for _, k := range order {
		fmt.Fprintf(tw, "%s\t%d\t%d\n", k, counts[k].total, counts[k].valid)
	}
	tw.Flush()
	for _, p := range problems {
		fmt.Fprintln(out, "  invalid:", p)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%d validation problems", len(problems))
	}
	return nil
}
