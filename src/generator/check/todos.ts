/**
 * @module Checklist: the `TODO(you)`s left, each with its file and line. They are read from the
 * comments the parser keeps beside the code (never from strings or code that merely spells it).
 */

import path from 'node:path';

import { ts, type SourceFile } from 'ts-morph';

import type { ConnectorSources } from './project.js';
import { pass, warn, type CheckItem, type CodeLocation } from './report.js';

const MARKER = 'TODO(you)';

/** Every comment of a file, once each, in source order. */
function comments(file: SourceFile): Array<{ readonly pos: number; readonly text: string }> {
  const text = file.getFullText();
  const found = new Map<number, string>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) found.set(range.pos, text.slice(range.pos, range.end));
  };
  // tokens too (getChildren, not forEachChild): a comment after a comma trails the comma
  const source = file.compilerNode;
  const visit = (node: ts.Node) => {
    collect(ts.getLeadingCommentRanges(text, node.pos));
    collect(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...found].sort(([a], [b]) => a - b).map(([pos, comment]) => ({ pos, text: comment }));
}

/** What the TODO asks, on one line: the text after the marker. */
function ask(comment: string, at: number): string {
  const rest = comment.slice(at + MARKER.length).replace(/^[\s:]+/, '');
  const line = rest.split('\n')[0] ?? '';
  return line.replace(/\*\/\s*$/, '').trim();
}

export function todosIn(sources: ConnectorSources, files: readonly SourceFile[]): CodeLocation[] {
  return files.flatMap((file) =>
    comments(file).flatMap((comment) => {
      const at = comment.text.indexOf(MARKER);
      if (at === -1) return [];
      const { line } = file.compilerNode.getLineAndCharacterOfPosition(comment.pos + at);
      const relative = path
        .relative(sources.workspace.root, file.getFilePath())
        .split(path.sep)
        .join('/');
      return [{ file: relative, line: line + 1, text: ask(comment.text, at) }];
    }),
  );
}

export function checkTodos(sources: ConnectorSources, files: readonly SourceFile[]): CheckItem {
  const todos = todosIn(sources, files);
  if (todos.length === 0) return pass('todos', `no ${MARKER} left`);
  const count = todos.length === 1 ? `1 ${MARKER}` : `${todos.length} ${MARKER}s`;
  return warn('todos', `${count} left`, todos);
}
