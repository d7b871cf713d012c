import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reading the deployment files as text: there is no Bicep compiler, Teams Toolkit or Docker
 * daemon on this machine, so the tests check what a reader of the files can check — the names
 * they pass to each other and to bot/config.ts — with small parsers of the few forms used.
 */

export const repoRoot = path.resolve(__dirname, '..', '..');

export function readRepoFile(relativePath: string): string {
  return readFileSync(path.join(repoRoot, relativePath), 'utf8');
}

export interface BicepParam {
  name: string;
  type: string;
  /** The default's source text, absent when the deployer must give a value. */
  defaultValue?: string;
}

/** Top-level `param name type [= default]` declarations. */
export function bicepParams(bicep: string): BicepParam[] {
  return [...bicep.matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)].map((match) => ({
    name: match[1] as string,
    type: match[2] as string,
    ...(match[3] === undefined ? {} : { defaultValue: match[3] }),
  }));
}

/** Paths of `module name 'path' = {` declarations. */
export function bicepModulePaths(bicep: string): string[] {
  return [...bicep.matchAll(/^module \w+ '([^']+)'/gm)].map((match) => match[1] as string);
}

/** Every `resource name 'Type@apiVersion'` declaration, nested ones included. */
export function bicepResourceTypes(bicep: string): { type: string; apiVersion: string }[] {
  return [...bicep.matchAll(/^\s*resource \w+ '([^@']+)@([^']+)'/gm)].map((match) => ({
    type: match[1] as string,
    apiVersion: match[2] as string,
  }));
}

export function bicepOutputs(bicep: string): string[] {
  return [...bicep.matchAll(/^output (\w+) /gm)].map((match) => match[1] as string);
}

export interface SettingEntry {
  /** The `var …Settings` object it is written in. */
  block: string;
  name: string;
  /** The value's Bicep source text. */
  expression: string;
}

/**
 * The entries of every top-level `var <x>Settings = … {` object (the form main.bicep and
 * modules/appService.bicep write app settings in), up to the closing `}` at column 0.
 */
export function bicepSettingBlocks(bicep: string): SettingEntry[] {
  const entries: SettingEntry[] = [];
  const lines = bicep.split('\n');
  let block: string | undefined;
  for (const line of lines) {
    const start = /^var (\w+Settings) = .*\{$/.exec(line);
    if (start) {
      block = start[1];
      continue;
    }
    if (block === undefined) continue;
    if (line === '}') {
      block = undefined;
      continue;
    }
    const entry = /^\s+([A-Z][A-Z0-9_]*): (.+)$/.exec(line);
    if (entry) entries.push({ block, name: entry[1] as string, expression: entry[2] as string });
  }
  return entries;
}

/** A Bicep string literal without interpolation, e.g. `'graph'`, or undefined. */
export function bicepLiteral(expression: string): string | undefined {
  const match = /^'([^'$]*)'$/.exec(expression);
  return match ? match[1] : undefined;
}

/** KEY=value lines of a dotenv file; comments and blank lines skipped. */
export function parseEnvFile(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) values.set(match[1] as string, match[2] as string);
  }
  return values;
}

/** Names in Teams Toolkit `${{NAME}}` placeholders. */
export function toolkitPlaceholders(text: string): string[] {
  return [...text.matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1] as string);
}
