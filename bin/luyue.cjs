#!/usr/bin/env node
// Entry of the `luyue` command. It sizes libuv's thread pool (compression, file and crypto work) to two threads
// before anything starts the pool: each thread keeps an allocator arena of its own, and under 32 clients the embedded
// server peaked at 417–457 MB with the default four threads, 383–417 with two, at the same throughput. An ES module
// entry is read through that pool, so this one file is CommonJS and loads the rest afterwards.
process.env.UV_THREADPOOL_SIZE ??= '2';
import('./luyue.mjs');
