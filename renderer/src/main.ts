import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { connectBrowserModel } from './bridge/browserModel';
import { createNavScopeI18n } from './i18n';
import { useTraceStore } from './stores/traceStore';
import './styles/fonts.css';
import { loadKoreanFont } from './styles/koreanFont';
import './styles/app.css';
import './styles/real.css';
import './styles/story.css';

const app = createApp(App);
app.use(createPinia());
app.use(createNavScopeI18n(navigator.languages));
useTraceStore().connect(connectBrowserModel());
void loadKoreanFont().then(() => app.mount('#app'));
