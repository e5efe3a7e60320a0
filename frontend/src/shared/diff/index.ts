export { DiffView } from "./DiffView";
export {
  diffStats,
  lastLine,
  parseUnifiedDiff,
  type DiffLine,
  type DiffLineKind,
} from "./parseDiff";
