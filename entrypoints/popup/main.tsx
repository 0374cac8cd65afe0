import { render } from 'preact';

function Popup() {
  return <main><h1>Zhibiao 指标</h1></main>;
}

render(<Popup />, document.getElementById('app')!);
