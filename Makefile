# entitygraph — every step is a target; every tool is pinned and installed here, never by hand.
SHELL := /bin/bash
.DEFAULT_GOAL := help

TOOLS_DIR   := $(CURDIR)/.tools
TOOLS_BIN   := $(TOOLS_DIR)/bin
export PATH := $(TOOLS_BIN):$(PATH)

BUF_VERSION                := 1.75.0
PROTOC_GEN_GO_VERSION      := v1.36.12
PROTOC_GEN_GO_GRPC_VERSION := v1.6.2
GRPCURL_VERSION            := v1.9.4
GHZ_VERSION                := v0.120.0

BUF                := $(TOOLS_BIN)/buf
PROTOC_GEN_GO      := $(TOOLS_BIN)/protoc-gen-go
PROTOC_GEN_GO_GRPC := $(TOOLS_BIN)/protoc-gen-go-grpc
GRPCURL            := $(TOOLS_BIN)/grpcurl
GHZ                := $(TOOLS_BIN)/ghz

LISTEN ?= localhost:50051
DATA   ?= seeds

.PHONY: help
help: ## Show this help.
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*?## "}{printf "  %-17s %s\n", $$1, $$2}'

.PHONY: tools
tools: $(BUF) $(PROTOC_GEN_GO) $(PROTOC_GEN_GO_GRPC) $(GRPCURL) $(GHZ) ## Install the pinned tools into .tools/bin.

# Version stamps make a pin change reinstall the tool.
$(BUF): $(TOOLS_DIR)/.buf-$(BUF_VERSION)
$(TOOLS_DIR)/.buf-$(BUF_VERSION):
	@mkdir -p $(TOOLS_BIN)
	npm install --silent --no-audit --no-fund --prefix $(TOOLS_DIR)/npm @bufbuild/buf@$(BUF_VERSION)
	ln -sf $(TOOLS_DIR)/npm/node_modules/.bin/buf $(BUF)
	@touch $@

$(PROTOC_GEN_GO): $(TOOLS_DIR)/.protoc-gen-go-$(PROTOC_GEN_GO_VERSION)
$(TOOLS_DIR)/.protoc-gen-go-$(PROTOC_GEN_GO_VERSION):
	GOBIN=$(TOOLS_BIN) go install google.golang.org/protobuf/cmd/protoc-gen-go@$(PROTOC_GEN_GO_VERSION)
	@touch $@

$(PROTOC_GEN_GO_GRPC): $(TOOLS_DIR)/.protoc-gen-go-grpc-$(PROTOC_GEN_GO_GRPC_VERSION)
$(TOOLS_DIR)/.protoc-gen-go-grpc-$(PROTOC_GEN_GO_GRPC_VERSION):
	GOBIN=$(TOOLS_BIN) go install google.golang.org/grpc/cmd/protoc-gen-go-grpc@$(PROTOC_GEN_GO_GRPC_VERSION)
	@touch $@

$(GRPCURL): $(TOOLS_DIR)/.grpcurl-$(GRPCURL_VERSION)
$(TOOLS_DIR)/.grpcurl-$(GRPCURL_VERSION):
	GOBIN=$(TOOLS_BIN) go install github.com/fullstorydev/grpcurl/cmd/grpcurl@$(GRPCURL_VERSION)
	@touch $@

$(GHZ): $(TOOLS_DIR)/.ghz-$(GHZ_VERSION)
$(TOOLS_DIR)/.ghz-$(GHZ_VERSION):
	GOBIN=$(TOOLS_BIN) go install github.com/bojand/ghz/cmd/ghz@$(GHZ_VERSION)
	@touch $@

GO_PACKAGES := ./...
BIN := $(CURDIR)/bin

.PHONY: generate
APIDESC := server/apidesc/entitygraph.binpb

generate: $(BUF) $(PROTOC_GEN_GO) $(PROTOC_GEN_GO_GRPC) generate-ts ## Regenerate gen/, client/ts/src/gen and the descriptor set from proto/.
	$(BUF) generate
	$(BUF) build -o $(APIDESC)

# WordNet's words, lemmas and synsets, derived from Debian's wordnet-base
# into server/wordnet/wordnet.txt.gz (committed and embedded: the server and
# the tests need nothing installed). Ask reads questions' words with it.
WORDNET_DEB := 1:3.0-37
WORDNET_DICT := /usr/share/wordnet

.PHONY: wordnet
wordnet: ## Regenerate server/wordnet's table from Debian's wordnet-base $(WORDNET_DEB) (installed with apt-get when missing).
	@if [ "$$(dpkg-query -W -f='$${Version}' wordnet-base 2>/dev/null)" != '$(WORDNET_DEB)' ]; then \
	  apt-get update && apt-get install -y 'wordnet-base=$(WORDNET_DEB)'; fi
	go run ./server/wordnet/gen --dict $(WORDNET_DICT) --out server/wordnet/wordnet.txt.gz --source 'WordNet 3.0 (Debian wordnet-base $(WORDNET_DEB))'

.PHONY: checkgenerate
checkgenerate: $(BUF) $(PROTOC_GEN_GO) $(PROTOC_GEN_GO_GRPC) ## Fail if gen/ is not what proto/ generates.
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BUF) generate -o "$$tmp" && $(BUF) build -o "$$tmp/apidesc.binpb" && \
	if ! diff -r gen "$$tmp/gen" >/dev/null || ! cmp -s $(APIDESC) "$$tmp/apidesc.binpb"; then \
	  diff -r gen "$$tmp/gen" | head -20; \
	  echo "gen/ or $(APIDESC) is stale: run 'make generate' and commit the result"; exit 1; \
	fi

# The TypeScript client, client/ts: its npm packages (protoc-gen-es and tsc
# among them) are pinned in its package-lock.json and installed by npm ci.
TS_DIR  := client/ts
TS_GEN  := $(TS_DIR)/src/gen
TS_DEPS := $(TS_DIR)/node_modules/.package-lock.json

$(TS_DEPS): $(TS_DIR)/package.json $(TS_DIR)/package-lock.json
	cd $(TS_DIR) && npm ci --no-audit --no-fund
	@touch $@

.PHONY: generate-ts
generate-ts: $(BUF) $(TS_DEPS) ## Regenerate the TypeScript client's code, client/ts/src/gen, from proto/.
	$(BUF) generate --template buf.gen.ts.yaml

.PHONY: checkgenerate-ts
checkgenerate-ts: $(BUF) $(TS_DEPS) ## Fail if client/ts/src/gen is not what proto/ generates.
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(BUF) generate --template buf.gen.ts.yaml -o "$$tmp" && \
	if ! diff -r $(TS_GEN) "$$tmp/$(TS_GEN)" >/dev/null; then \
	  diff -r $(TS_GEN) "$$tmp/$(TS_GEN)" | head -20; \
	  echo "$(TS_GEN) is stale: run 'make generate-ts' and commit the result"; exit 1; \
	fi

.PHONY: tstest
tstest: $(TS_DEPS) ## Compile the TypeScript client (strict tsc) and run its tests against a live server.
	cd $(TS_DIR) && npm test

.PHONY: lint
lint: $(BUF) ## buf lint, go vet (the Cayley comparison module too, so that it compiles) and gofmt.
	$(BUF) lint
	go vet $(GO_PACKAGES)
	cd bench/cayley && go vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' | grep -v '^gen/')); \
	if [ -n "$$unformatted" ]; then echo "gofmt needed: $$unformatted"; exit 1; fi

.PHONY: build
build: descriptors ## Build bin/entitygraph-server, bin/entitygraph (the CLI) and bin/entitygraph.binpb.
	go build -o $(BIN)/entitygraph-server ./server/cmd/entitygraph-server
	go build -o $(BIN)/entitygraph ./client/cmd/entitygraph

# The descriptor set for tools without reflection (grpcurl -protoset, buf curl
# --schema) is the one the server embeds: buf build output, drift-checked.
.PHONY: descriptors
descriptors: $(BIN)/entitygraph.binpb ## Write bin/entitygraph.binpb, the API's descriptor set with comments.
$(BIN)/entitygraph.binpb: $(APIDESC)
	@mkdir -p $(BIN)
	cp $(APIDESC) $@

.PHONY: run
run: build ## Serve the seed graph on $(LISTEN).
	$(BIN)/entitygraph-server --listen $(LISTEN) --data $(DATA)

SOAK_DURATION ?= 2m
SOAK_CLIENTS  ?= 16

.PHONY: soak
soak: build ## Load the server for SOAK_DURATION (default 2m) with SOAK_CLIENTS callers; report errors, RSS, goroutines.
	go run ./server/soak --server $(BIN)/entitygraph-server --data $(DATA) --duration $(SOAK_DURATION) --clients $(SOAK_CLIENTS)

.PHONY: gotest
gotest: $(GRPCURL) $(BUF) descriptors ## go test -race, with the pinned grpcurl and buf for the end-to-end tests.
	GRPCURL=$(GRPCURL) BUF=$(BUF) go test -race -count=1 $(GO_PACKAGES)

.PHONY: cluster-test
cluster-test: ## Three replicas on 127.0.0.1-3 under SDK load: SIGTERM and restart, a rolling reload, SIGKILL; print calls made and failed (also part of make test).
	set -o pipefail; go test -count=1 -run '^TestCluster$$' -v ./server/e2e 2>&1 | grep -E 'cluster_test|^(---|ok|FAIL)'

# Each fuzz target runs for a number of executions, not a duration: with a
# duration -fuzztime, Go's fuzz coordinator before Go 1.27 can report a bare
# "context deadline exceeded" failure at the deadline on a loaded machine,
# with no crasher (go.dev/issue/75804; CI hit it on FuzzParseSimple). A count
# has no deadline to race. The counts are about 6 s of each target on an idle
# 2-core machine; a slow machine takes longer but finds the same inputs.
FUZZ_EXECS_PARSE_TEXT   ?= 50000
FUZZ_EXECS_ASK          ?= 20000
FUZZ_EXECS_LOAD_GRAPH   ?= 15000
FUZZ_EXECS_PARSE_SIMPLE ?= 100000
FUZZ_EXECS_CHECK_WIRE   ?= 50000

.PHONY: fuzz-short
fuzz-short: ## A short run of each fuzz target (a fixed number of executions each).
	go test -run '^$$' -fuzz '^FuzzParseText$$' -fuzztime $(FUZZ_EXECS_PARSE_TEXT)x ./server/pattern
	go test -run '^$$' -fuzz '^FuzzAsk$$' -fuzztime $(FUZZ_EXECS_ASK)x ./server/ask
	go test -run '^$$' -fuzz '^FuzzLoadGraph$$' -fuzztime $(FUZZ_EXECS_LOAD_GRAPH)x ./server/seed
	go test -run '^$$' -fuzz '^FuzzParseSimple$$' -fuzztime $(FUZZ_EXECS_PARSE_SIMPLE)x ./server/seed
	go test -run '^$$' -fuzz '^FuzzCheckWire$$' -fuzztime $(FUZZ_EXECS_CHECK_WIRE)x ./server/index

# buf breaking guards v1: proto/v1.binpb is the image of the API as it
# last landed, and a change that breaks wire, JSON or generated-code
# compatibility against it fails. An additive change lands with the image
# rewritten (make breaking-baseline), so that what it adds is guarded too.
BREAKING_BASELINE := proto/v1.binpb

.PHONY: breaking
breaking: $(BUF) ## Fail if proto/ breaks compatibility with the v1 baseline image.
	$(BUF) breaking --against $(BREAKING_BASELINE)

.PHONY: breaking-baseline
breaking-baseline: $(BUF) ## Rewrite the v1 baseline image from proto/ (after an additive change).
	$(BUF) build --exclude-source-info -o $(BREAKING_BASELINE)

.PHONY: test
test: tools lint breaking checkgenerate checkgenerate-ts gotest tstest fuzz-short ## Everything CI runs: lint, compatibility and drift checks, all tests, short fuzzing.

# Benchmarks: synthetic snapshots are generated once per scale into .bench/
# (again whenever the snapshot tool changes); make test runs the harness at a
# small scale (bench/run, bench/harness). BENCH_FLAGS passes flags to
# bench/run, such as --scales 10k,100k or --cayley-scales "".
BENCH_FLAGS ?=

.PHONY: bench
bench: build $(GHZ) ## Benchmark 10k, 100k and 1M-entity graphs in process, over gRPC with ghz, and against Cayley; write BENCHMARKS.md.
	go build -o $(BIN)/entitygraph-snapshot ./server/cmd/entitygraph-snapshot
	go build -o $(BIN)/bench ./bench/run
	$(BIN)/bench --out BENCHMARKS.md $(BENCH_FLAGS)

.PHONY: clean
clean: ## Remove built binaries (not the tool cache).
	rm -rf $(BIN)
