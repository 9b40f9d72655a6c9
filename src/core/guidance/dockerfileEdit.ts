// Dockerfile edits: where instructions go in the final stage, which user-creation command fits
// its base image, and image references rewritten to a pin placeholder.
import { parseDockerfile } from '../scan/parse/containers/dockerfile';
import { DockerfileFile, DockerStage } from '../scan/parse/containers/types';
import { isHashComment } from './text';

export interface DockerPlacement {
  /** Insert before this 0-based line … */
  beforeLine?: number;
  /** … or after this 0-based line (the final stage's last line) when it has no CMD/ENTRYPOINT. */
  afterLine?: number;
  stage: DockerStage;
  file: DockerfileFile;
}

/** Before the final stage's first CMD/ENTRYPOINT (and the comments right above it), else after its last instruction. */
export function dockerPlacement(path: string, text: string, lines: string[]): DockerPlacement | { reason: string } {
  const file = parseDockerfile(path, text);
  const stage = file.stages[file.stages.length - 1];
  if (!stage) return { reason: 'the Dockerfile has no FROM' };
  const start = stage.instructions.find((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
  if (start) {
    let line = start.loc.line - 1;
    while (line - 1 > stage.fromLoc.line - 1 && isHashComment(lines[line - 1] ?? '')) line--;
    return { beforeLine: line, stage, file };
  }
  const last = stage.instructions[stage.instructions.length - 1];
  const end = last ? Math.max(last.loc.endLine, last.loc.line) : stage.fromLoc.line;
  return { afterLine: end - 1, stage, file };
}

const DEBIAN_FAMILY = /^(?:docker\.io\/)?(?:library\/)?(node|python|ruby|golang|openjdk|eclipse-temurin|amazoncorretto|debian|ubuntu|nginx|httpd|php|perl|rust|buildpack-deps|maven|gradle|mcr\.microsoft\.com\/dotnet\/.+)$/i;
const DEBIAN_TAG = /(bookworm|bullseye|buster|trixie|jammy|noble|focal|slim)/i;

/** Which user-creation snippet fits the stage's base image. */
export function imageFamily(stage: DockerStage, file: DockerfileFile): 'alpine' | 'debian' | 'other' {
  let s: DockerStage | undefined = stage;
  const seen = new Set<number>();
  while (s && s.parent !== undefined && !seen.has(s.index)) {
    seen.add(s.index);
    s = file.stages[s.parent];
  }
  if (!s || s.scratch) return 'other';
  const name = s.image.name ?? '';
  const tag = s.image.tag ?? '';
  if (/alpine/i.test(name) || /alpine/i.test(tag)) return 'alpine';
  if (/distroless|chainguard|wolfi|scratch|busybox/i.test(name)) return 'other';
  if (DEBIAN_FAMILY.test(name) || DEBIAN_TAG.test(tag) || /(^|\/)(debian|ubuntu)$/i.test(name)) return 'debian';
  return 'other';
}

/** The image text with its moving tag replaced (or a tag added) by `placeholder`; undefined when it has a digest or variables. */
export function pinPlaceholder(image: string, placeholder: string): string | undefined {
  if (image.includes('@') || image.includes('$')) return undefined;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) return image.slice(0, colon + 1) + placeholder;
  return `${image}:${placeholder}`;
}
