import { render } from 'preact';
import { App } from './App';
import '../../components/card.css';
import './style.css';

const param = new URLSearchParams(location.search).get('tabId');
const tabId = param !== null && /^\d+$/.test(param) ? Number(param) : null;
render(<App tabId={tabId} />, document.getElementById('app')!);
