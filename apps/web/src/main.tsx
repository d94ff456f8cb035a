import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import './styles/tokens.css';
import './styles/global.css';

// react-aria's buttons would add an inline <style> for their touch-action, which the Content-Security-Policy refuses
// (style-src 'self'). global.css carries the same rule; an element with react-aria's id tells it not to add its own.
const pressableStyle = document.createElement('meta');
pressableStyle.id = 'react-aria-pressable-style';
document.head.append(pressableStyle);

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
