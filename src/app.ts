import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppContext } from './http/context';
import { registerErrorHandler } from './http/error-handler';
import { registerAuth } from './modules/auth/auth.plugin';
import { registerIdempotency } from './modules/auth/idempotency.plugin';
import { registerArchiveGuard } from './modules/archive/archive-guard';
import { archiveRoutes } from './modules/archive/archive.routes';
import { registerSecurityHeaders } from './http/security-headers';
import { registerCompression, registerWebApp } from './http/web-assets';
import { configureImports } from './lib/excel';
import { authRoutes } from './modules/auth/auth.routes';
import { companyRoutes } from './modules/companies/company.routes';
import { userRoutes } from './modules/users/user.routes';
import { customerRoutes } from './modules/customers/customer.routes';
import { customerPriceRoutes } from './modules/customers/customer-price.routes';
import { creditChangeRoutes } from './modules/credit/credit-change.routes';
import { productRoutes } from './modules/products/product.routes';
import { warehouseRoutes } from './modules/warehouses/warehouse.routes';
import { stockRoutes } from './modules/stock/stock.routes';
import { fillBackorders } from './modules/orders/backorders';
import { attachmentRoutes } from './modules/attachments/attachment.routes';
import { orderRoutes } from './modules/orders/order.routes';
import { orderImportRoutes } from './modules/orders/order-import.routes';
import { registerOrder } from './modules/orders/order.service';
import { releaseOrderAllocation } from './modules/allocation/reservations';
import { reviewRoutes } from './modules/review/review.routes';
import { productionRoutes } from './modules/production/production.routes';
import { notificationRoutes } from './modules/notifications/notification.routes';
import { settingsRoutes } from './modules/settings/settings.routes';
import { allocationRoutes } from './modules/allocation/allocation.routes';
import { franchiseeRoutes } from './modules/allocation/franchisee.routes';
import { storeRoutes } from './modules/allocation/stores.routes';
import { paymentRoutes } from './modules/payments/payment.routes';
import { exportRoutes } from './modules/export/export.routes';
import { shipmentRoutes } from './modules/shipping/shipment.routes';
import { feedbackRoutes } from './modules/feedback/feedback.routes';
import { receivableRoutes } from './modules/receivables/receivable.routes';
import { workbenchRoutes } from './modules/workbench/workbench.routes';
import { changeRoutes } from './modules/changes/change.routes';
import { returnRoutes } from './modules/returns/return.routes';
import { shortCloseRoutes } from './modules/orders/short-close.routes';
import { sampleRoutes } from './modules/samples/sample.routes';
import { sampleApprovalRoutes } from './modules/sample-approval/sample-approval.routes';
import { webhookRoutes } from './modules/webhooks/webhook.routes';
import { messageRoutes } from './modules/messages/message.routes';
import { portalUserRoutes } from './modules/portal/portal-users.routes';
import { portalRoutes } from './modules/portal/portal.routes';
import { trackingPageRoutes } from './modules/portal/tracking-page.routes';
import { prepRoutes } from './modules/prep/prep.routes';
import { reportRoutes } from './modules/reports/report.routes';
import { quotationRoutes } from './modules/quotations/quotation.routes';
import { contractRoutes } from './modules/contracts/contract.routes';
import { clauseTemplateRoutes } from './modules/contracts/clause-template.routes';
import { returnCallOff } from './modules/contracts/contract-calloff';
import { prepProduced } from './modules/prep/prep-requests';
import { orderSettlement } from './modules/payments/payment.repository';

const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export async function buildApp(ctx: AppContext, opts: { logger?: boolean | object } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    trustProxy: ctx.config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerSecurityHeaders(app);
  await registerCompression(app);
  configureImports(ctx.config.imports);

  await app.register(cookie);
  // Files up to the larger of the attachment limit (10 MB) and the Excel import limit.
  const fileSize = Math.max(10 * 1024 * 1024, ctx.config.imports.maxBytes);
  await app.register(multipart, { limits: { fileSize, files: 1, fields: 20, parts: 25 } });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Luyue 履约 API',
        description: 'Sales order management: master data, stock, orders.',
        version: ctx.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  registerAuth(app, ctx);
  registerIdempotency(app, ctx);
  registerArchiveGuard(app, ctx);

  app.get(
    '/api/health',
    { config: { roles: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database engine' } },
    async () => {
      await ctx.db.selectFrom('companies').select('id').limit(1).execute();
      return { status: 'ok', database: ctx.engine, version: ctx.version };
    },
  );

  for (const routes of [
    authRoutes,
    companyRoutes,
    userRoutes,
    customerRoutes,
    customerPriceRoutes,
    creditChangeRoutes,
    productRoutes,
    warehouseRoutes,
    (a: FastifyInstance, c: AppContext) => stockRoutes(a, c, fillBackorders),
    attachmentRoutes,
    orderImportRoutes,
    // A cancelled call-off order also gives its quantities back to its contract.
    (a: FastifyInstance, c: AppContext) =>
      orderRoutes(a, c, async (db, actor, id, env) => {
        await releaseOrderAllocation(db, actor, id);
        await returnCallOff(db, actor, env, id);
      }),
    reviewRoutes,
    (a: FastifyInstance, c: AppContext) => productionRoutes(a, c, prepProduced),
    notificationRoutes,
    settingsRoutes,
    allocationRoutes,
    franchiseeRoutes,
    storeRoutes,
    paymentRoutes,
    shipmentRoutes,
    exportRoutes,
    (a: FastifyInstance, c: AppContext) => feedbackRoutes(a, c, { registerOrder }),
    receivableRoutes,
    workbenchRoutes,
    changeRoutes,
    returnRoutes,
    (a: FastifyInstance, c: AppContext) =>
      shortCloseRoutes(a, c, {
        releaseHolds: (db, actor, id) => releaseOrderAllocation(db, actor, id),
        paidOnOrder: async (db, companyId, id) => (await orderSettlement(db, companyId, [id])).get(id)?.paid ?? 0n,
      }),
    sampleRoutes,
    sampleApprovalRoutes,
    prepRoutes,
    quotationRoutes,
    contractRoutes,
    clauseTemplateRoutes,
    webhookRoutes,
    messageRoutes,
    portalUserRoutes,
    portalRoutes,
    trackingPageRoutes,
    reportRoutes,
    archiveRoutes,
  ]) {
    routes(app, ctx);
  }

  await registerWebApp(app, webDist);
  return app;
}
