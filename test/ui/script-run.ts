/**
 * Reads a browser client's source (src/ui/client/*.js) for the server functions it calls
 * through google.script.run, and for any use of a runner that cannot be read that way.
 *
 * A runner is `google.script.run`, a `.withSuccessHandler(…)`, `.withFailureHandler(…)` or
 * `.withUserObject(…)` on a runner, or a call of a function whose `return` is a runner (the
 * client's `server(ok, fail)`). A runner may only have a server function called on it by
 * name (`runner.uiSidebarState(ref)`) or be returned by such a function: stored in a
 * variable, passed along, or indexed by a string (`runner[name]`), its calls could not be
 * checked, so that is reported as a problem.
 */
import * as ts from 'typescript';

export interface ServerCall {
  name: string;
  file: string;
  line: number;
}

export interface ClientCalls {
  calls: ServerCall[];
  problems: string[];
}

const CHAIN = new Set(['withSuccessHandler', 'withFailureHandler', 'withUserObject']);

export function scriptRunCalls(files: Array<{ file: string; source: string }>): ClientCalls {
  const parsed = files.map(({ file, source }) => ({
    file,
    sf: ts.createSourceFile(file, source, ts.ScriptTarget.ES2015, true, ts.ScriptKind.JS),
  }));
  // The pages' scripts share one global scope, so a runner function of one file is one for all.
  const runnerFunctions = new Set<string>();
  const isRunner = (e: ts.Expression): boolean => {
    if (ts.isParenthesizedExpression(e)) return isRunner(e.expression);
    if (ts.isPropertyAccessExpression(e))
      return (
        e.name.text === 'run' &&
        ts.isPropertyAccessExpression(e.expression) &&
        e.expression.name.text === 'script' &&
        isGoogle(e.expression.expression)
      );
    if (!ts.isCallExpression(e)) return false;
    const callee = e.expression;
    if (ts.isIdentifier(callee)) return runnerFunctions.has(callee.text);
    return ts.isPropertyAccessExpression(callee) && CHAIN.has(callee.name.text) && isRunner(callee.expression);
  };
  // Functions that return a runner, to a fixed point (one may return another's).
  for (let grew = true; grew;) {
    grew = false;
    for (const { sf } of parsed)
      walk(sf, (n) => {
        if (ts.isFunctionDeclaration(n) && n.name && !runnerFunctions.has(n.name.text) && returnsRunner(n, isRunner)) {
          runnerFunctions.add(n.name.text);
          grew = true;
        }
      });
  }
  const calls: ServerCall[] = [];
  const problems: string[] = [];
  for (const { file, sf } of parsed) {
    walk(sf, (n) => {
      if (!ts.isExpression(n) || ts.isParenthesizedExpression(n) || !isRunner(n)) return;
      const where = `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
      let use: ts.Node = n;
      while (ts.isParenthesizedExpression(use.parent)) use = use.parent;
      const parent = use.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === use) {
        if (CHAIN.has(parent.name.text) && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) return;
        if (ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
          calls.push({ name: parent.name.text, file, line: sf.getLineAndCharacterOfPosition(parent.name.getStart()).line + 1 });
          return;
        }
        problems.push(`${where}: google.script.run.${parent.name.text} is read, not called`);
      } else if (ts.isElementAccessExpression(parent) && parent.expression === use) {
        problems.push(`${where}: a server function called by a string (${parent.getText()})`);
      } else if (
        ts.isReturnStatement(parent) &&
        enclosingFunctionName(parent) !== undefined &&
        runnerFunctions.has(enclosingFunctionName(parent)!)
      ) {
        return;
      } else problems.push(`${where}: a google.script.run runner is stored or passed on (${parent.getText().slice(0, 60)})`);
    });
  }
  return { calls, problems };
}

function isGoogle(e: ts.Expression): boolean {
  return ts.isIdentifier(e) && e.text === 'google';
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (child) => walk(child, visit));
}

/** Does a return statement of this function itself (not of a nested one) return a runner? */
function returnsRunner(fn: ts.FunctionDeclaration, isRunner: (e: ts.Expression) => boolean): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (n !== fn && ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression && isRunner(n.expression)) found = true;
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

function enclosingFunctionName(node: ts.Node): string | undefined {
  for (let n = node.parent; n; n = n.parent) if (ts.isFunctionLike(n)) return ts.isFunctionDeclaration(n) && n.name ? n.name.text : '';
  return undefined;
}

/** The functions Apps Script sees in a bundle: its top-level function declarations (a trailing _ makes one private). */
export function topLevelFunctions(code: string): string[] {
  const sf = ts.createSourceFile('Code.js', code, ts.ScriptTarget.ES2020, false, ts.ScriptKind.JS);
  return sf.statements
    .filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name)
    .map((s) => s.name!.text)
    .filter((name) => !name.endsWith('_'));
}
