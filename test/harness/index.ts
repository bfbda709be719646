// The real-editor test harness. See docs/testing.md.
export { Editor, waitUntil, type EditorOptions, type Problem, type TreeItem } from './editor';
export { editorSuite, type DefineScenario, type ScenarioFn } from './scenario';
export { runIntegrationSuite, type IntegrationOptions, type IntegrationResults } from './integration';
export { repoRoot, fixturesDir, resultsDir } from './paths';
