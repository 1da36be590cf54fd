# Lede. The two commands a newcomer needs are `make serve` and `make test`;
# both install what they lack on a Debian machine (Chromium via apt-get when
# run as root, wasmbrowsertest through the Go toolchain).

GO        ?= go
GOROOT    := $(shell $(GO) env GOROOT)
BIN       := $(CURDIR)/bin
WBT       := $(BIN)/wasmbrowsertest
STATICCHECK := $(BIN)/staticcheck
ADDR      ?= localhost:8080
SHARED    ?= $(CURDIR)/../shared
# The wasm tests run in a browser that gets the environment as its own: keep
# it small.
WASM_ENV  := env -i PATH="$(PATH)" HOME="$(HOME)" GOCACHE="$(shell $(GO) env GOCACHE)" \
             GOMODCACHE="$(shell $(GO) env GOMODCACHE)" GOPROXY="$(shell $(GO) env GOPROXY)" \
             GOTOOLCHAIN=local GOFLAGS=-buildvcs=false GOOS=js GOARCH=wasm

.PHONY: all build serve dist test lint chromium eval bench fuzz model clean FORCE

all: build

## build: web/main.wasm (the full analyzer), web/firstlook.wasm (the
## first look, without models), web/wasm_exec.js, and web/readability.js,
## Mozilla's Readability from npm (pinned in internal/webdeps, kept in
## bin/npm, never committed)
build: web/main.wasm web/firstlook.wasm web/wasm_exec.js web/readability.js

web/main.wasm: FORCE
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./wasm

web/firstlook.wasm: FORCE
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./wasm/firstlook

web/wasm_exec.js: $(GOROOT)/lib/wasm/wasm_exec.js
	cp $< $@

# npm install when bin/npm lacks the pinned version; the file is rewritten
# only when it changes.
web/readability.js: FORCE
	$(GO) run ./cmd/webdeps -cache $(BIN)/npm -o web

## serve: build, write dist/ (precompressed, quickly), serve it on http://$(ADDR)/
serve: build
	$(GO) run ./cmd/dist -src web -o dist -brotli 6
	$(GO) run ./cmd/serve -addr $(ADDR) -dir dist

## dist: dist/, for any static host: hashed names, .br and .gz beside each file
dist: build
	$(GO) run ./cmd/dist -src web -o dist

## test: lint, native tests, wasm tests in headless Chromium, end-to-end page test
test: lint chromium $(WBT) build
	$(GO) test -count=1 ./...
	$(WASM_ENV) $(GO) test -count=1 -exec $(WBT) ./wasm/...

## lint: gofmt, go vet and staticcheck (pinned as a tool in go.mod), for
## the native packages and for the wasm boundary as GOOS=js
lint: $(STATICCHECK)
	@unformatted=$$(gofmt -l $$(find . -name '*.go' -not -path './bin/*' -not -path './dist/*')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./wasm/...
	$(STATICCHECK) ./...
	GOOS=js GOARCH=wasm $(STATICCHECK) ./wasm/...

# wasmbrowsertest and staticcheck are pinned as tools in go.mod; build
# those versions, natively (the wasm checks run them with GOOS=js).
$(WBT): go.mod go.sum
	$(GO) build -o $@ github.com/agnivade/wasmbrowsertest

$(STATICCHECK): go.mod go.sum
	$(GO) build -o $@ honnef.co/go/tools/cmd/staticcheck

# Chromium from Debian's package, installed when missing and we are root.
chromium:
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing Chromium (Debian package chromium) for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium: run 'sudo apt-get install -y chromium' (or set LEDE_CHROMIUM to a Chrome binary)"; exit 1; \
	fi

## eval: quality scores on ../shared/eval
eval:
	$(GO) run ./cmd/eval -shared $(SHARED)

## fuzz: each fuzz target for FUZZTIME (not part of make test); a crasher
## found stays in testdata/fuzz as a regression test
FUZZTIME ?= 60s
fuzz:
	@for t in ./core:FuzzAnalyze ./core/internal/names:FuzzNameMatching ./core/internal/quotes:FuzzFindQuotes ./core/internal/segment:FuzzSegment; do \
		echo "== $$t"; $(GO) test $${t%%:*} -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 5s || exit 1; done
	$(GO) test ./wasm/internal/boundary -run '^$$' -fuzz '^FuzzUTF16Index$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s
	$(GO) test ./wasm -run '^$$' -fuzz '^FuzzBoundaryJSString$$' -fuzztime $(FUZZTIME) -fuzzminimizetime 5s

## model: retrain the entity tagger on CoNLL-2003 and the training part of
## eval/ner, with the name lists of gazetteers/, and the attribution tagger on
## PolNeAR train (deterministic; a few minutes); and the first-name shares
model:
	$(GO) run ./cmd/train-entities -shared $(SHARED) -o internal/nertag/ner.bin -gazetteer internal/nertag/gazetteer.txt
	$(GO) run ./cmd/train-attributions -shared $(SHARED) -o internal/attrtag/attr.bin
	$(GO) run ./cmd/gen-firstnames -shared $(SHARED) -o internal/lexicon/first-name-shares.txt

## bench: Go benchmarks of core per stage, then the page in headless
## Chromium (its last line is one JSON object)
bench: chromium build
	$(GO) test -run '^$$' -bench . -benchmem ./core/ ./core/internal/quotes/ ./internal/nertag/
	$(GO) run ./cmd/benchpage -dir web -shared $(SHARED) -n 5

clean:
	rm -rf bin dist web/main.wasm web/firstlook.wasm web/wasm_exec.js web/readability.js e2e/out

FORCE:
