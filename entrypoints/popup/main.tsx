import { render } from 'preact';
import { App } from './App';
import '@/components/theme.css';
import './popup.css';

render(<App />, document.getElementById('app')!);
