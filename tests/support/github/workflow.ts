import fs from 'node:fs';
import yaml from 'js-yaml';

/**
 * The name GitHub gives the content check's result on a commit, and which branch protection
 * must require: the job's `name`, or its id when it has none. Read from the workflow itself, so
 * the stand-in, the README and the workflow cannot drift apart.
 */
export function contentCheckName(file = '.github/workflows/content.yml'): string {
  const workflow = yaml.load(fs.readFileSync(file, 'utf8')) as {
    jobs: Record<string, { name?: string }>;
  };
  const jobs = Object.entries(workflow.jobs);
  if (jobs.length !== 1) throw new Error(`${file}: expected one job, found ${jobs.length}`);
  const [id, job] = jobs[0]!;
  return job.name ?? id;
}
