import { isWorker, type Position } from '@daowei/domain';
import { useLocation, useNavigate } from 'react-router-dom';
import { landsOnMobile } from './landing';
import { useSession } from './SessionContext';

/**
 * PUT /api/me/position, then move to the surface the new position works on: engineers to the phone
 * page, desk positions to the console (a team lead may stay on either).
 */
export function usePositionSwitch() {
  const { switchPosition } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return async (position: Position) => {
    const me = await switchPosition(position);
    const onMobile = pathname.startsWith('/m/');
    if (onMobile && !isWorker(me.position)) navigate('/orders');
    if (!onMobile && landsOnMobile(me.position)) navigate('/m/todo');
    return me;
  };
}
