/** JUnit XML for `goalsim regress --junit`: one testcase per scenario, drift as a failure. */

export interface JUnitCase {
  readonly name: string;
  readonly failure?: { readonly message: string; readonly text: string } | undefined;
  readonly error?: { readonly message: string } | undefined;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function junitXml(suite: string, cases: readonly JUnitCase[]): string {
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const errors = cases.filter((c) => c.error !== undefined).length;
  const body = cases.map((c) => {
    const open = `    <testcase classname="goalsim.regress" name="${escapeXml(c.name)}"`;
    if (c.failure !== undefined) return `${open}>\n      <failure message="${escapeXml(c.failure.message)}" type="drift">${escapeXml(c.failure.text)}</failure>\n    </testcase>`;
    if (c.error !== undefined) return `${open}>\n      <error message="${escapeXml(c.error.message)}" type="input"/>\n    </testcase>`;
    return `${open}/>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${cases.length}" failures="${failures}" errors="${errors}">`,
    `  <testsuite name="${escapeXml(suite)}" tests="${cases.length}" failures="${failures}" errors="${errors}">`,
    ...body,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
