// The DSOMM model as the rest of the product sees it: everything keyed by activity uuid.

export interface Tool {
  uuid?: string;
  name: string;
  url?: string;
  tags: string[];
  description?: string;
}

export interface Difficulty {
  knowledge?: number;
  time?: number;
  resources?: number;
}

export interface Activity {
  uuid: string;
  name: string;
  dimension: string;
  subdimension: string;
  level: number;
  description: string;
  risk: string;
  measure: string;
  assessment: string;
  implementationGuide: string;
  difficulty: Difficulty;
  usefulness?: number;
  tools: Tool[];
  /** Resolved activity uuids this one depends on. */
  dependsOn: string[];
  /** Reference lists by framework key (samm2, iso27001-2017, iso27001-2022, openCRE, d3f, ...), values as written. */
  references: Record<string, string[]>;
  /** Tags without the generator's placeholder "none". */
  tags: string[];
  /** Legacy (model ≤ 1.20) per-team progress found inside the model file. */
  teamsImplemented?: Record<string, boolean>;
  /** Fields this version does not know, kept as parsed. */
  extra: Record<string, unknown>;
  /** 1-based line of the activity's key in its model file. */
  line: number;
}

export interface SubDimension {
  name: string;
  dimension: string;
  activities: Activity[];
}

export interface Dimension {
  name: string;
  subdimensions: SubDimension[];
}

export interface ModelMeta {
  version?: string;
  released?: string;
  publisher?: string;
}

export interface ModelWarning {
  message: string;
  line?: number;
  activity?: string;
}

export interface Model {
  meta: ModelMeta;
  /** Where the model came from (a path or "bundled"). */
  source: string;
  /** 'v4' = two-document model.yaml, 'legacy' = single-document generated.yaml. */
  format: 'v4' | 'legacy';
  dimensions: Dimension[];
  /** All activities by uuid, in file order. */
  activities: Map<string, Activity>;
  warnings: ModelWarning[];
}

export const MAX_LEVEL = 5;
