import { unstableSetRender } from 'antd-mobile';
import { createRoot } from 'react-dom/client';

/**
 * antd-mobile renders Toast / Dialog.alert into their own roots. Under React 19 the legacy render is
 * gone, so give it createRoot (works on React 18 as well).
 */
unstableSetRender((node, container) => {
  const root = createRoot(container);
  root.render(node);
  return async () => {
    await Promise.resolve();
    root.unmount();
  };
});
