package org.aidbridge.routes.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.aidbridge.routes.config.ConfigException;
import org.aidbridge.routes.config.Settings;
import org.junit.jupiter.api.Test;

class WebSettingsTest {

  @Test
  void linksDefaultToTheAddressTheServerListensOnAndCookiesAreNotSecureOverPlainHttp() {
    WebSettings web = WebSettings.from(Settings.of(Map.of("http.port", "8181")));

    assertThat(web.dashboardUrl()).isEqualTo("http://127.0.0.1:8181");
    assertThat(web.secureCookies()).isFalse();
    assertThat(web.tileOrigin()).isEmpty();
  }

  @Test
  void behindATlsProxyTheLinksUseThePublicAddressAndCookiesAreSecure() {
    WebSettings web =
        WebSettings.from(
            Settings.of(
                Map.of(
                    "http.public.url", "https://aid.example.org/",
                    "dashboard.tile.url", "https://{s}.tile.example.org/{z}/{x}/{y}.png")));

    assertThat(web.dashboardUrl()).isEqualTo("https://aid.example.org");
    assertThat(web.secureCookies()).isTrue();
    assertThat(web.tileOrigin()).isEqualTo("https://*.tile.example.org");
    assertThat(Policy.map(web)).contains("img-src 'self' data: https://*.tile.example.org");
  }

  @Test
  void theDashboardIsOffWithTheServer() {
    assertThat(WebSettings.from(Settings.of(Map.of("http.port", "-1"))).dashboardUrl()).isNull();
  }

  @Test
  void aFreePortPickedAtStartNamesNoLinkUntilAPublicAddressIsSet() {
    WebSettings free = WebSettings.from(Settings.of(Map.of("http.port", "0")));
    assertThat(free.enabled()).isTrue();
    assertThat(free.dashboardUrl()).isNull();
    assertThat(free.addressOnce(41234)).isEqualTo("http://127.0.0.1:41234");

    WebSettings proxied =
        WebSettings.from(
            Settings.of(Map.of("http.port", "0", "http.public.url", "https://aid.example.org")));
    assertThat(proxied.dashboardUrl()).isEqualTo("https://aid.example.org");
    assertThat(proxied.addressOnce(41234)).isEqualTo("https://aid.example.org");
  }

  @Test
  void aPublicAddressThatIsNotHttpStopsTheStartNamingTheKey() {
    assertThatThrownBy(
            () -> WebSettings.from(Settings.of(Map.of("http.public.url", "aid.example.org"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("http.public.url");
  }
}
