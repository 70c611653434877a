# Storyscope's entry points. `make serve` and `make test` install what they need first.
.PHONY: serve build test bench setup clean

serve: build
	node scripts/serve.mjs

build:
	bash scripts/setup.sh build
	bash scripts/build.sh

test:
	bash scripts/test.sh

bench: build
	bash scripts/bench.sh

clean:
	rm -rf dist target/wasm-bindgen test-artifacts
