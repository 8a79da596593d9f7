# gantry — make targets. `make test` is what CI runs (.ci/run).

GO            ?= go
STATICCHECK_VERSION ?= v0.8.2
TOOLS         := $(CURDIR)/.bin
TEST_TIMEOUT  ?= 30m
BENCH         ?= .
BENCHTIME     ?= 1x

.PHONY: all test test-deps fmt-check vet staticcheck unit bench demo generate

all: test

## test: install what the real-part tests need (as root), check formatting,
## vet, staticcheck, then run every test with the race detector.
test: test-deps fmt-check vet staticcheck unit

test-deps:
	./scripts/test-deps.sh

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

$(TOOLS)/staticcheck-$(STATICCHECK_VERSION):
	GOBIN=$(TOOLS) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)
	mv $(TOOLS)/staticcheck $@

staticcheck: $(TOOLS)/staticcheck-$(STATICCHECK_VERSION)
	$(TOOLS)/staticcheck-$(STATICCHECK_VERSION) ./...

unit:
	$(GO) test -race -count=1 -timeout $(TEST_TIMEOUT) ./...

## bench: run the benchmarks (BENCH=regexp, BENCHTIME=1s for stable figures).
bench:
	$(GO) test -run '^$$' -bench '$(BENCH)' -benchtime $(BENCHTIME) -benchmem ./...

## demo: the all-in-one cluster on its embedded default manifests.
demo:
	$(GO) run ./examples/cluster

## generate: regenerate generated code (deep copies).
generate:
	$(GO) generate ./...
