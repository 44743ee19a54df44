import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import type { Role } from './api/types'
import { COMMITTEE_STAFF_ROLES, SPOTCHECK_ASKED_ROLES, STAFF_ROLES, WORK_PAGE_ROLES, WORK_ROLES } from './api/types'
import { currentRole, homeFor, isSignedIn } from './lib/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean
    /** Roles allowed; others are sent to their own home. */
    roles?: readonly Role[]
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/',
    name: 'home',
    redirect: () => (isSignedIn() ? homeFor(currentRole()) : '/sign-in'),
  },
  { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignIn.vue'), meta: { public: true } },
  { path: '/register', name: 'register', component: () => import('./views/Register.vue'), meta: { public: true } },
  {
    path: '/applicant',
    name: 'applicant',
    component: () => import('./views/ApplicantHome.vue'),
    meta: { roles: ['APPLICANT'] },
  },
  {
    path: '/applicant/applications/:id',
    name: 'application',
    component: () => import('./views/ApplicationDetail.vue'),
    props: true,
    meta: { roles: ['APPLICANT'] },
  },
  { path: '/work', name: 'work', component: () => import('./views/WorkList.vue'), meta: { roles: WORK_PAGE_ROLES } },
  {
    path: '/calendar',
    name: 'calendar',
    component: () => import('./views/Calendar.vue'),
    meta: { roles: STAFF_ROLES },
  },
  {
    // Every signed-in role (applicants too); the server filters the deadlines by role.
    path: '/deadlines',
    name: 'deadlines',
    component: () => import('./views/Deadlines.vue'),
  },
  // ---------- Committee route (R1–R17): the unit/review application page, set-up, conflicts, windows,
  // meetings, votes, review rounds and public result notices ----------
  {
    path: '/work/applications/:id',
    name: 'work-application',
    component: () => import('./views/WorkDetail.vue'),
    props: true,
    meta: { roles: WORK_ROLES },
  },
  { path: '/setup', name: 'setup', component: () => import('./views/Setup.vue'), meta: { roles: ['HR_BUREAU'] } },
  {
    path: '/expert/conflicts',
    name: 'expert-conflicts',
    component: () => import('./views/ExpertConflicts.vue'),
    meta: { roles: ['EXPERT'] },
  },
  {
    path: '/windows',
    name: 'windows',
    component: () => import('./views/PublicWindows.vue'),
    meta: { public: true },
  },
  {
    path: '/meetings',
    name: 'meetings',
    component: () => import('./views/Meetings.vue'),
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/meetings/:id',
    name: 'meeting',
    component: () => import('./views/MeetingDetail.vue'),
    props: true,
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/expert/meetings',
    name: 'expert-meetings',
    component: () => import('./views/ExpertMeetings.vue'),
    meta: { roles: ['EXPERT'] },
  },
  {
    path: '/expert/meetings/:id',
    name: 'expert-meeting',
    component: () => import('./views/ExpertMeeting.vue'),
    props: true,
    meta: { roles: ['EXPERT'] },
  },
  {
    path: '/rounds',
    name: 'rounds',
    component: () => import('./views/Rounds.vue'),
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/rounds/:id',
    name: 'round',
    component: () => import('./views/RoundDetail.vue'),
    props: true,
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  { path: '/notices', name: 'notices', component: () => import('./views/Notices.vue'), meta: { public: true } },
  // ---------- end of committee route ----------
  // ---------- Spot checks and integrity (docs/spotcheck.md, R18–R21, R31) ----------
  {
    path: '/spotchecks',
    name: 'spotchecks',
    component: () => import('./views/Spotchecks.vue'),
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/spotchecks/:id',
    name: 'spotcheck',
    component: () => import('./views/SpotcheckDetail.vue'),
    props: true,
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/public/spotchecks',
    name: 'public-spotchecks',
    component: () => import('./views/PublicSpotchecks.vue'),
    meta: { public: true },
  },
  {
    path: '/public/spotchecks/:id',
    name: 'public-spotcheck',
    component: () => import('./views/PublicSpotcheck.vue'),
    props: true,
    meta: { public: true },
  },
  {
    path: '/inspector/spotchecks',
    name: 'inspector-spotchecks',
    component: () => import('./views/InspectorSpotchecks.vue'),
    meta: { roles: ['EXPERT'] },
  },
  {
    path: '/inspector/spotchecks/:drawId/:applicationId',
    name: 'inspector-spotcheck',
    component: () => import('./views/InspectorSpotcheck.vue'),
    props: true,
    meta: { roles: ['EXPERT'] },
  },
  {
    path: '/spotcheck-requests',
    name: 'spotcheck-requests',
    component: () => import('./views/SpotcheckRequests.vue'),
    meta: { roles: SPOTCHECK_ASKED_ROLES },
  },
  {
    path: '/integrity',
    name: 'integrity',
    component: () => import('./views/IntegrityRecords.vue'),
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/integrity/:id',
    name: 'integrity-record',
    component: () => import('./views/IntegrityDetail.vue'),
    props: true,
    meta: { roles: COMMITTEE_STAFF_ROLES },
  },
  {
    path: '/me/integrity',
    name: 'my-integrity',
    component: () => import('./views/MyIntegrity.vue'),
    meta: { roles: ['APPLICANT'] },
  },
  {
    path: '/certificate-reports',
    name: 'certificate-reports',
    component: () => import('./views/CertificateReports.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  // ---------- end of spot checks and integrity ----------
  // ---------- Certificates (docs/certificates.md, R27–R30) ----------
  {
    path: '/certificates/mine',
    name: 'my-certificates',
    component: () => import('./views/MyCertificates.vue'),
    meta: { roles: ['APPLICANT'] },
  },
  {
    path: '/certificates/issued',
    name: 'issued-certificates',
    component: () => import('./views/IssuedCertificates.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  {
    path: '/certificates/reissue-requests',
    name: 'reissue-requests',
    component: () => import('./views/ReissueRequests.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  {
    path: '/certificates/issuance-reports',
    name: 'issuance-reports',
    component: () => import('./views/IssuanceReports.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  {
    path: '/issuer-keys',
    name: 'issuer-keys',
    component: () => import('./views/IssuerKeys.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  // ---------- end of certificates ----------
  // ---------- Self-evaluating units (docs/catalogue.md, R22–R26) ----------
  {
    path: '/catalogue',
    name: 'public-catalogue',
    component: () => import('./views/PublicCatalogue.vue'),
    meta: { public: true },
  },
  { path: '/self-eval', redirect: '/self-eval/filings' },
  {
    path: '/self-eval/filings',
    name: 'self-eval-filings',
    component: () => import('./views/SelfEvalFilings.vue'),
    meta: { roles: ['SELF_EVAL_UNIT'] },
  },
  {
    path: '/self-eval/seal',
    name: 'self-eval-seal',
    component: () => import('./views/SelfEvalSeal.vue'),
    meta: { roles: ['SELF_EVAL_UNIT'] },
  },
  {
    path: '/self-eval/appointments',
    name: 'self-eval-appointments',
    component: () => import('./views/SelfEvalAppointments.vue'),
    meta: { roles: ['SELF_EVAL_UNIT'] },
  },
  { path: '/self-eval-admin', redirect: '/self-eval-admin/filings' },
  {
    path: '/self-eval-admin/filings',
    name: 'bureau-filings',
    component: () => import('./views/BureauFilings.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  {
    path: '/self-eval-admin/seals',
    name: 'bureau-seals',
    component: () => import('./views/BureauSeals.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  {
    path: '/self-eval-admin/due-dates',
    name: 'filing-due-dates',
    component: () => import('./views/FilingDueDates.vue'),
    meta: { roles: ['HR_BUREAU'] },
  },
  // ---------- end of self-evaluating units ----------
  { path: '/verify', name: 'verify', component: () => import('./views/Verify.vue'), meta: { public: true } },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('./views/NotFound.vue'),
    meta: { public: true },
  },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach((to) => {
  const signedIn = isSignedIn()
  if (to.name === 'sign-in' && signedIn) {
    const home = homeFor(currentRole())
    if (home !== '/sign-in') return home
  }
  if (to.meta.public) return true
  if (!signedIn) return { path: '/sign-in', query: { redirect: to.fullPath } }
  const roles = to.meta.roles
  if (roles) {
    const role = currentRole()
    if (!role || !roles.includes(role)) {
      const home = homeFor(role)
      return home === to.path ? true : home
    }
  }
  return true
})
