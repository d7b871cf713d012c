import { ConfigPage } from './components/ConfigPage/ConfigPage';
import { renderPage } from './renderPage';

/** config.html: the channel tab's configuration page. */
renderPage(<ConfigPage />);
