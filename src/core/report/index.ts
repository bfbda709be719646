/** The learning report: read documents, build the report, render it (Markdown, HTML, JSON), and the timeline picture. */
export * from './types';
export * from './read';
export * from './taxonomy';
export * from './schema';
export * from './records';
export * from './build';
export * from './charts';
export * from './timeline';
export * from './figures';
export * from './render-md';
export * from './render-html';
export * from './preview';
