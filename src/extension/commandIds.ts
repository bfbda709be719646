/** Every command id Sitrep registers (package.json `contributes.commands` lists the same ids). */
export const COMMANDS = {
  declareIncident: 'sitrep.declareIncident',
  logTimelineEntry: 'sitrep.logTimelineEntry',
  postStatusUpdate: 'sitrep.postStatusUpdate',
  copyStatusUpdate: 'sitrep.copyStatusUpdate',
  publishStatusUpdate: 'sitrep.publishStatusUpdate',
  setUpChatWebhook: 'sitrep.setUpChatWebhook',
  removeChatWebhook: 'sitrep.removeChatWebhook',
  showActiveIncident: 'sitrep.showActiveIncident',
  changeSeverity: 'sitrep.changeSeverity',
  assignRole: 'sitrep.assignRole',
  checkpoint: 'sitrep.checkpoint',
  setStrategyCheckpoint: 'sitrep.setStrategyCheckpoint',
  markMitigated: 'sitrep.markMitigated',
  markMonitoring: 'sitrep.markMonitoring',
  markResolved: 'sitrep.markResolved',
  startPostmortem: 'sitrep.startPostmortem',
  addActionItem: 'sitrep.addActionItem',
  openDocumentation: 'sitrep.openDocumentation',
  refreshIncidents: 'sitrep.refreshIncidents',
  revealInDocument: 'sitrep.revealInDocument',
  lintWorkspace: 'sitrep.lintWorkspace',
  openLearningReport: 'sitrep.openLearningReport',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];
