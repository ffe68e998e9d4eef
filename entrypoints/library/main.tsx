import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import '../popup/popup.css';
import './library.css';

render(<App />, document.getElementById('app')!);
