import { referenceApi } from '../api';
import { createResource } from './resource';
import { useResource } from './useResource';

const metaResource = createResource(referenceApi.meta);
const orgTreeResource = createResource(referenceApi.orgTree);
const areasResource = createResource(referenceApi.areas);

/** GET /api/meta: return reasons, complaint causes, policy version. */
export const useMeta = () => useResource(metaResource);
/** GET /api/org/tree: units and people of the caller's vendor. */
export const useOrgTree = () => useResource(orgTreeResource);
/** GET /api/areas. */
export const useAreas = () => useResource(areasResource);
