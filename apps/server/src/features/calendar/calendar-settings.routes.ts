import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { areaParams, areaZoneBody, unitParams, workingHoursBody } from './calendar-settings.schemas.js';

/** SLA-01 area time zones and team working hours (docs/api.md "Business calendar"): one service call each. */
export const calendarSettingsRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/calendar/areas',
      { schema: { tags: ['calendar'], description: 'Service areas with the time zone their calendar uses (SLA-01).' } },
      async (req) => services.calendarSettings.areas(requireAuth(req)),
    );

    r.put(
      '/calendar/areas/:id/time-zone',
      {
        schema: {
          tags: ['calendar'],
          params: areaParams,
          body: areaZoneBody,
          description: 'Sets an area’s IANA time zone, or null to follow the tenant’s (operator admins).',
        },
      },
      async (req) => services.calendarSettings.setAreaZone(requireAuth(req), req.params.id, req.body.timeZone),
    );

    r.get(
      '/calendar/working-hours',
      {
        schema: {
          tags: ['calendar'],
          description: 'Working hours of teams and stations, and the shipped hours others follow (SLA-01).',
        },
      },
      async (req) => services.calendarSettings.workingHours(requireAuth(req)),
    );

    r.put(
      '/calendar/working-hours/:unitId',
      {
        schema: {
          tags: ['calendar'],
          params: unitParams,
          body: workingHoursBody,
          description: 'Sets a team’s (or station’s) working hours: weekly spans, holidays, order types taken.',
        },
      },
      async (req) => services.calendarSettings.setWorkingHours(requireAuth(req), req.params.unitId, req.body),
    );

    r.delete(
      '/calendar/working-hours/:unitId',
      {
        schema: {
          tags: ['calendar'],
          params: unitParams,
          description: 'Removes a unit’s own hours; its orders follow the station’s or the shipped hours again.',
        },
      },
      async (req) => services.calendarSettings.deleteWorkingHours(requireAuth(req), req.params.unitId),
    );
  };
