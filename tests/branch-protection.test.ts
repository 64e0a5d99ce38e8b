import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentCheckName } from './support/github/workflow';

// The branch protection the README asks for: the status check it names must be the workflow's
// job, or GitHub waits for a check that never comes and every publish is refused.
const readme = fs.readFileSync('README.md', 'utf8');
const step = readme
  .slice(readme.indexOf('3. Protect `main`'), readme.indexOf('A change is live'))
  .replace(/\s+/g, ' ');

describe('the branch protection the README sets up', () => {
  it('requires the content check by the name GitHub gives the workflow’s job', () => {
    expect(step).toContain(
      `**require status checks to pass** with the check \`${contentCheckName()}\``,
    );
  });

  it('requires pull requests but no reviews, which Decap cannot give', () => {
    expect(step).toContain(
      '**require a pull request before merging**, with **no required approvals**',
    );
    expect(step).toContain('Do not require reviews');
    expect(step).toContain('decaporg/decap-cms#7200');
  });
});
