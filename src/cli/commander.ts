/**
 * @module commander, required as the CommonJS package it is: its ESM entry is a wrapper that
 * costs every start an extra module, the loader's scan of the CommonJS exports, and a facade.
 */

import { createRequire } from 'node:module';

import type * as Commander from 'commander';

const commander = createRequire(import.meta.url)('commander') as typeof Commander;

export const { Command, CommanderError, InvalidArgumentError, Option } = commander;
export type Command = Commander.Command;
export type CommanderError = Commander.CommanderError;
export type Option = Commander.Option;
