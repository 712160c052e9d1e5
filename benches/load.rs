//! Load: bytes in memory to a validated, indexed timeline (`tlx::data::load_bytes`),
//! beside the floor, a bare serde_json parse of the same bytes into plain structs.
//! Inputs come from the same generator as `scripts/bench.sh` (seed 1, actors =
//! events / 10), built in-process.
//!
//! `cargo bench --bench load`

use tlx_testkit::synth;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    for events in [10_000u64, 100_000] {
        let bytes = synth::generate(&synth::Spec::new(events));
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("tlx", events), &bytes, |b, bytes| {
            b.iter(|| tlx::data::load_bytes(black_box(bytes)).expect("valid"))
        });
        group.bench_with_input(
            BenchmarkId::new("serde-floor", events),
            &bytes,
            |b, bytes| b.iter(|| synth::floor::parse(black_box(bytes)).expect("valid")),
        );
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
