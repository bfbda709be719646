/** The live incident workflow's core: ids, cadence, time-to-X, edit builders, rendering, the index, tree content. */
export * from './ids';
export * from './cadence';
export * from './metrics';
export * from './edits';
export * from './render';
export * from './store';
export * from './tree';
export * from './reminders';
export * from './statusbar';
export * from './fastscan';
export * from './workflow';
export * from './timeinput';
export * from './dateinput';
export * from './chat';
export * from './salvage';
export * from './flow';
