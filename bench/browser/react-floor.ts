// The first-paint floor: React and ReactDOM rendering one element, built like the app. No app can ship less
// and still be a React app, so the first-paint row compares the app's cost to this page's.
import { createElement } from 'react'
import { createRoot } from 'react-dom/client'

createRoot(document.getElementById('root')!).render(createElement('p', null, 'React alone'))
