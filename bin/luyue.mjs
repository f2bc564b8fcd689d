#!/usr/bin/env node
// The `luyue` command, started through luyue.cjs: runs the bundle of src/, built first when the sources changed.
// Where the bundle cannot be written (an installation the user may not write to), the sources run through the
// TypeScript loader.
import { pathToFileURL } from 'node:url';
import { builtServer } from '../scripts/build-server.mjs';

const bundle = await builtServer();
if (!bundle) (await import('tsx/esm/api')).register();
await import(bundle ? pathToFileURL(bundle).href : '../src/cli/main.ts');
