import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './styles.css'
import App from './App.vue'
import { router } from './router'
import { i18n, currentLocale } from './i18n'
import { onUnauthorized } from './api/http'

onUnauthorized(() => {
  const here = router.currentRoute.value
  if (here.name !== 'sign-in') {
    void router.push({ path: '/sign-in', query: { redirect: here.fullPath, expired: '1' } })
  }
})

document.documentElement.lang = currentLocale()

createApp(App).use(i18n).use(router).use(ElementPlus).mount('#app')
