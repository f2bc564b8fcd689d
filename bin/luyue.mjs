#!/usr/bin/env node
// Entry of the `luyue` command: runs the bundle of src/, built first when the sources changed.
import { pathToFileURL } from 'node:url';
import { builtServer } from '../scripts/build-server.mjs';

await import(pathToFileURL(await builtServer()).href);
