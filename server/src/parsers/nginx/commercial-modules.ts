/**
 * Modules of NGINX Plus, the commercial subscription, whose directives the open-source `nginx`
 * images reject. `@nginx/reference-lib` documents them beside the open-source ones without
 * telling them apart.
 * NOTE: written by hand from nginx.org's module index (https://nginx.org/en/docs/) and not
 * checked against it here. A module missing or misplaced only changes how completion labels it.
 */
const commercialModules: ReadonlySet<string> = new Set([
  'ngx_http_api_module',
  'ngx_http_auth_jwt_module',
  'ngx_http_f4f_module',
  'ngx_http_hls_module',
  'ngx_http_internal_redirect_module',
  'ngx_http_keyval_module',
  'ngx_http_oidc_module',
  'ngx_http_session_log_module',
  'ngx_http_status_module',
  'ngx_http_upstream_conf_module',
  'ngx_http_upstream_hc_module',
  'ngx_mgmt_module',
  'ngx_stream_keyval_module',
  'ngx_stream_mqtt_filter_module',
  'ngx_stream_mqtt_preread_module',
  'ngx_stream_upstream_hc_module',
  'ngx_stream_zone_sync_module',
]);

/** True for a module that only NGINX Plus has. */
export function isCommercialModule(module: string): boolean {
  return commercialModules.has(module);
}
