/**
 * Readers for the docker-compose stack's files (docker-compose.yaml, provisioning/, deploy/compose/), for
 * stackProvisioning.test.ts: the stack cannot be started without Docker, so its files are checked against each
 * other and against the code instead.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { REPO } from './harness';

/** A loosely typed YAML/JSON object; the tests assert on shapes instead of trusting them. */
export type Obj = Record<string, any>;

/** Absolute path of a repository file. */
export const repoPath = (file: string): string => path.join(REPO, file);

export const readText = (file: string): string => readFileSync(repoPath(file), 'utf8');

export const readYaml = (file: string): Obj => parse(readText(file));

export const readJson = (file: string): Obj => JSON.parse(readText(file));

/**
 * Compose-style interpolation with the variables unset, as on a fresh checkout: `${NAME:-default}` and
 * `${NAME-default}` become the default, `${NAME}` becomes ''. `$$` is a literal `$`.
 */
export function interpolateDefaults(text: string): string {
  return text.replace(/\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g, (match, _name, fallback) =>
    match === '$$' ? '$' : (fallback ?? '')
  );
}

/** The compose file as `docker compose config` would read it with no variables set (but without `extends`). */
export const readCompose = (file: string): Obj => parse(interpolateDefaults(readText(file)));

/** A bind mount of a compose service: host path resolved against the compose file's directory. */
export interface BindMount {
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

/** Short-syntax volume strings (`host:container[:ro]`) of a service, split into binds and named volumes. */
export function volumesOf(service: Obj, composeDir: string): { binds: BindMount[]; named: string[] } {
  const binds: BindMount[] = [];
  const named: string[] = [];
  for (const entry of (service.volumes ?? []) as string[]) {
    const [source, containerPath, mode] = entry.split(':');
    if (source.startsWith('.') || source.startsWith('/')) {
      binds.push({ hostPath: path.resolve(composeDir, source), containerPath, readOnly: mode === 'ro' });
    } else {
      named.push(source);
    }
  }
  return { binds, named };
}

/** The root compose service `name` merged with the service it extends (environment and build args merged). */
export function effectiveService(compose: Obj, name: string): { service: Obj; binds: BindMount[]; named: string[] } {
  const own = compose.services[name];
  const root = volumesOf(own, REPO);
  if (!own.extends) {
    return { service: own, ...root };
  }
  const baseFile = own.extends.file as string;
  const base = readCompose(baseFile).services[own.extends.service];
  const baseMounts = volumesOf(base, path.dirname(repoPath(baseFile)));
  const service = {
    ...base,
    ...own,
    environment: { ...base.environment, ...own.environment },
    build: { ...base.build, ...own.build, args: { ...base.build?.args, ...own.build?.args } },
  };
  return { service, binds: [...baseMounts.binds, ...root.binds], named: [...baseMounts.named, ...root.named] };
}

/** The container path a host path is visible at in a service, via its bind mounts; undefined when not mounted. */
export function containerPathOf(binds: BindMount[], hostPath: string): string | undefined {
  for (const bind of binds) {
    const relative = path.relative(bind.hostPath, hostPath);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
      return path.posix.join(bind.containerPath, ...relative.split(path.sep));
    }
  }
  return undefined;
}

/** The host path a container path of a service comes from; undefined when no bind mount covers it. */
export function hostPathOf(binds: BindMount[], containerPath: string): string | undefined {
  for (const bind of binds) {
    const relative = path.posix.relative(bind.containerPath, containerPath);
    if (!relative.startsWith('..') && !path.posix.isAbsolute(relative)) {
      return path.join(bind.hostPath, ...relative.split('/'));
    }
  }
  return undefined;
}

/** YAML files of a provisioning subdirectory, by file name. */
export function provisioningFiles(kind: string): Array<{ file: string; content: Obj }> {
  const dir = repoPath(path.join('provisioning', kind));
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      file: path.join('provisioning', kind, name),
      content: readYaml(path.join('provisioning', kind, name)),
    }));
}

/** Every provisioned data source, with the file it comes from. */
export function provisionedDataSources(): Array<Obj & { file: string }> {
  return provisioningFiles('datasources').flatMap(({ file, content }) =>
    (content.datasources as Obj[]).map((ds) => ({ ...ds, file }))
  );
}

/** Host and port of an http URL, or of a `host:port` target. */
export function hostPort(urlOrTarget: string): { host: string; port: number } {
  const url = new URL(urlOrTarget.includes('://') ? urlOrTarget : `http://${urlOrTarget}`);
  return { host: url.hostname, port: Number(url.port || 80) };
}

/** Every `{type, uid}` data source reference in a dashboard: panels, their targets, and annotation queries. */
export function dashboardDataSourceRefs(dashboard: Obj): Array<{ where: string; type: string; uid: string }> {
  const refs: Array<{ where: string; type: string; uid: string }> = [];
  const add = (where: string, ref: Obj | undefined) => {
    if (ref) {
      refs.push({ where, type: ref.type, uid: ref.uid });
    }
  };
  for (const panel of dashboard.panels as Obj[]) {
    add(`panel ${panel.id}`, panel.datasource);
    for (const target of (panel.targets ?? []) as Obj[]) {
      add(`panel ${panel.id} target ${target.refId}`, target.datasource);
    }
  }
  for (const annotation of dashboard.annotations.list as Obj[]) {
    add(`annotation ${annotation.name}`, annotation.datasource);
  }
  return refs;
}
