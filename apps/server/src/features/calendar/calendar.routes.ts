import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idempotencyKey, requireAuth } from '../../http/guards.js';
import type { Services } from '../../services.js';
import { calendarDayBody, calendarDayParams, calendarQuery, noticeBody } from './calendar.schemas.js';
import { calendarSettingsRoutes } from './calendar-settings.routes.js';

/** SLA-01 calendar admin (docs/api.md "Business calendar"): thin — one service call each. */
export const calendarRoutes =
  (services: Services): FastifyPluginAsync =>
  async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    // Area zones and team hours live beside the days they combine with (SLA-01).
    await app.register(calendarSettingsRoutes(services));

    r.get(
      '/calendar',
      {
        schema: {
          tags: ['calendar'],
          querystring: calendarQuery,
          description: 'A year of the business calendar: holidays, make-up days, own days, and years without data.',
        },
      },
      async (req) => services.calendar.view(requireAuth(req), req.query.year),
    );

    r.put(
      '/calendar/days/:date',
      {
        schema: {
          tags: ['calendar'],
          params: calendarDayParams,
          body: calendarDayBody,
          description: 'Adds or replaces an own day: local holiday, make-up working day or closure (admins).',
        },
      },
      async (req) => services.calendar.putDay(requireAuth(req), req.params.date, req.body),
    );

    r.delete(
      '/calendar/days/:date',
      {
        schema: {
          tags: ['calendar'],
          params: calendarDayParams,
          description: 'Removes an own day; the official data and weekly hours decide the day again (admins).',
        },
      },
      async (req) => services.calendar.deleteDay(requireAuth(req), req.params.date),
    );

    r.post(
      '/calendar/notices',
      {
        schema: {
          tags: ['calendar'],
          body: noticeBody,
          description: 'Imports a year’s official holiday notice (days or CSV) and declares the year (admins).',
        },
      },
      async (req) => services.calendar.importNotice(requireAuth(req), req.body, idempotencyKey(req)),
    );
  };
