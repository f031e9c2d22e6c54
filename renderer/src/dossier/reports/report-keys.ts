/** Query keys and draft keys of the reports tab, in one place so every component agrees. */
export const reportsKey = (clientId: string) => ['reports', clientId] as const;
export const newReportDraftKey = (clientId: string) => `report:new:${clientId}`;
export const editReportDraftKey = (reportId: string) => `report:edit:${reportId}`;
export const addendumDraftKey = (reportId: string) => `report:addendum:${reportId}`;
export const reportAccessKey = (reportId: string) => ['reports', 'access', reportId] as const;
