// The addresses of working groups: one definition per route gives its link, its pattern and its parameters.
import { route } from '../../platform/http/route.js';

const groupsRoutes = {
  // the officer
  adminGroups: route('/:slug/verwaltung/arbeitsgruppen'),
  adminGroupNew: route('/:slug/verwaltung/plaene/:parentId/arbeitsgruppen/neu'),
  adminGroup: route('/:slug/verwaltung/arbeitsgruppen/:id'),
  adminGroupEdit: route('/:slug/verwaltung/arbeitsgruppen/:id/bearbeiten'),
  adminGroupArchive: route('/:slug/verwaltung/arbeitsgruppen/:id/archivieren'),
  adminMembers: route('/:slug/verwaltung/arbeitsgruppen/:id/mitglieder'),
  adminGroupMemberRemove: route('/:slug/verwaltung/arbeitsgruppen/:id/mitglieder/:memberId/entfernen'),
  // the lead (or the officer)
  adminRequests: route('/:slug/verwaltung/arbeitsgruppen/:id/anfragen'),
  adminRequest: route('/:slug/verwaltung/arbeitsgruppen/:id/anfragen/:requestId'),
  // members
  myGroups: route('/:slug/verwaltung/meine-gruppen'),
  internal: route('/:slug/verwaltung/meine-gruppen/:id'),
  tasks: route('/:slug/verwaltung/meine-gruppen/:id/aufgaben'),
  task: route('/:slug/verwaltung/meine-gruppen/:id/aufgaben/:taskId'),
  documents: route('/:slug/verwaltung/meine-gruppen/:id/dokumente'),
  document: route('/:slug/verwaltung/meine-gruppen/:id/dokumente/:documentId'),
  documentDelete: route('/:slug/verwaltung/meine-gruppen/:id/dokumente/:documentId/loeschen'),
  // the public
  publicGroups: route('/:slug/arbeitsgruppen'),
  publicGroup: route('/:slug/arbeitsgruppen/:id'),
  publicDocument: route('/:slug/arbeitsgruppen/:id/dokumente/:documentId'),
};

export const groupsPaths = groupsRoutes;
