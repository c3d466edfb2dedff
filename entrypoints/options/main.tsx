import { render } from 'preact';
import { Options } from './Options';
import '../../components/card.css';
import './style.css';

render(<Options />, document.getElementById('app')!);
