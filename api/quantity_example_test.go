package api_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/gantryhq/gantry/api"
)

func ExampleParseQuantity() {
	q, err := api.ParseQuantity("1.5Gi")
	if err != nil {
		panic(err)
	}
	fmt.Println(q, q.Format(), q.Value())

	_, err = api.ParseQuantity("12x")
	fmt.Println(errors.Is(err, api.ErrQuantityFormat))
	// Output:
	// 1536Mi BinarySI 1610612736
	// true
}

func ExampleQuantity_String() {
	for _, s := range []string{"1000", "1.5", "0.0001m", "1.5n", "2048Mi", "120e5", "+007", "1000E"} {
		fmt.Printf("%-8s %s\n", s, api.MustParseQuantity(s))
	}
	// Output:
	// 1000     1k
	// 1.5      1500m
	// 0.0001m  100n
	// 1.5n     2n
	// 2048Mi   2Gi
	// 120e5    12e6
	// +007     +007
	// 1000E    1
}

func ExampleQuantity_Add() {
	var total api.Quantity // zero, and takes the format of what is added first
	for _, s := range []string{"250m", "1", "500m"} {
		total.Add(api.MustParseQuantity(s))
	}
	fmt.Println(total, total.MilliValue())

	total.Sub(api.MustParseQuantity("2"))
	fmt.Println(total, total.Value())
	// Output:
	// 1750m 1750
	// -250m -1
}

func ExampleQuantity_Cmp() {
	request := api.MustParseQuantity("1536Mi")
	free := api.MustParseQuantity("1.5G")
	fmt.Println(request.Cmp(free), free.Cmp(request))
	fmt.Println(api.MustParseQuantity("1k").Equal(api.MustParseQuantity("1000")))
	// Output:
	// 1 -1
	// true
}

func ExampleQuantity_ScaledValue() {
	q := api.MustParseQuantity("1.2Gi")
	fmt.Println(q.Value(), q.ScaledValue(api.Mega), q.ScaledValue(api.Giga))
	// Output:
	// 1288490189 1289 2
}

func ExampleNewMilliQuantity() {
	fmt.Println(api.NewMilliQuantity(2500, api.DecimalSI))
	fmt.Println(api.NewQuantity(3<<30, api.BinarySI))
	fmt.Println(api.NewScaledQuantity(4, api.Mega))
	// Output:
	// 2500m
	// 3Gi
	// 4M
}

func ExampleResourceList() {
	var requests api.ResourceList
	err := json.Unmarshal([]byte(`{"cpu": 0.5, "memory": "512Mi", "pods": "10"}`), &requests)
	if err != nil {
		panic(err)
	}
	cpu := requests[api.ResourceCPU]
	fmt.Println(cpu.MilliValue())

	out, _ := json.Marshal(requests)
	fmt.Println(string(out))
	// Output:
	// 500
	// {"cpu":"500m","memory":"512Mi","pods":"10"}
}
