import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { ExpiredPage } from '../features/auth/components/ExpiredPage';
import { LoginPage } from '../features/auth/components/LoginPage';
import { RequireAuth } from '../features/auth/components/RequireAuth';
import { HomePage } from '../features/home/components/HomePage';
import { NotFoundPage } from './NotFoundPage';
import { Layout } from './Layout';

// Every screen has its URL (a link pasted into a chat opens there). The editor, versions, diff
// and approval screens carry ProseMirror and Yjs: loaded on demand, so the first screen stays small.
const DocumentsPage = lazy(() => import('../features/documents/components/DocumentsPage'));
const CreateDocumentPage = lazy(() => import('../features/documents/components/CreateDocumentPage'));
const ImportDocumentPage = lazy(() => import('../features/documents/components/ImportDocumentPage'));
const EditorPage = lazy(() => import('../features/editor/components/EditorPage'));
const VersionsPage = lazy(() => import('../features/versions/components/VersionsPage'));
const VersionPage = lazy(() => import('../features/versions/components/VersionPage'));
const DiffPage = lazy(() => import('../features/versions/components/DiffPage'));
const DocumentApprovalPage = lazy(() => import('../features/approvals/components/DocumentApprovalPage'));
const ApprovalsInboxPage = lazy(() => import('../features/approvals/components/ApprovalsInboxPage'));
const ApprovalRequestPage = lazy(() => import('../features/approvals/components/ApprovalRequestPage'));
const AdminPage = lazy(() => import('../features/admin/components/AdminPage'));
const NotificationsPage = lazy(() => import('../features/notifications/components/NotificationsPage').then((m) => ({ default: m.NotificationsPage })));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/session-expired', element: <ExpiredPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <Layout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'documents/new', element: <CreateDocumentPage /> },
      { path: 'documents/import', element: <ImportDocumentPage /> },
      { path: 'documents/:documentId', element: <EditorPage /> },
      { path: 'documents/:documentId/versions', element: <VersionsPage /> },
      { path: 'documents/:documentId/versions/:versionId', element: <VersionPage /> },
      { path: 'documents/:documentId/diff', element: <DiffPage /> },
      { path: 'documents/:documentId/approval', element: <DocumentApprovalPage /> },
      { path: 'approvals', element: <ApprovalsInboxPage /> },
      { path: 'approvals/:requestId', element: <ApprovalRequestPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'admin', element: <AdminPage /> },
      { path: 'admin/organizations/:organizationId', element: <AdminPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
