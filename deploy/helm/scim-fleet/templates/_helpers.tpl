{{/* Names and labels. */}}
{{- define "scim-fleet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "scim-fleet.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 50 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 50 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "scim-fleet.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "scim-fleet.labels" -}}
helm.sh/chart: {{ include "scim-fleet.chart" . }}
{{ include "scim-fleet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: scim-fleet
{{- end }}

{{- define "scim-fleet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "scim-fleet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one component: include with (dict "root" $ "component" "worker"). */}}
{{- define "scim-fleet.componentLabels" -}}
{{ include "scim-fleet.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "scim-fleet.componentSelector" -}}
{{ include "scim-fleet.selectorLabels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "scim-fleet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "scim-fleet.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "scim-fleet.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}

{{/* Secrets and config names. */}}
{{- define "scim-fleet.adminSecretName" -}}
{{- default (printf "%s-admin" (include "scim-fleet.fullname" .)) .Values.adminToken.existingSecret }}
{{- end }}

{{- define "scim-fleet.secretKeySecretName" -}}
{{- default (printf "%s-secret-key" (include "scim-fleet.fullname" .)) .Values.secretKey.existingSecret }}
{{- end }}

{{/* Both processes: the key that seals inline tokens, and the provider tokens as SCIM_TARGET_* variables. */}}
{{- define "scim-fleet.secretKeyEnv" -}}
- name: SCIM_SECRET_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "scim-fleet.secretKeySecretName" . }}
      key: {{ .Values.secretKey.existingSecretKey }}
{{- end }}

{{- define "scim-fleet.tokensEnvFrom" -}}
- secretRef:
    name: {{ include "scim-fleet.tokensSecretName" . }}
    optional: true
  prefix: SCIM_TARGET_
{{- end }}

{{- define "scim-fleet.tokensSecretName" -}}
{{- default (printf "%s-provider-tokens" (include "scim-fleet.fullname" .)) .Values.providerTokens.existingSecret }}
{{- end }}

{{- define "scim-fleet.configMapName" -}}
{{- default (printf "%s-providers" (include "scim-fleet.fullname" .)) .Values.config.existingConfigMap }}
{{- end }}

{{- define "scim-fleet.redisAuthSecretName" -}}
{{- default (printf "%s-redis-auth" (include "scim-fleet.fullname" .)) .Values.redis.auth.existingSecret }}
{{- end }}

{{/* The bundled Redis's password from its Secret, as REDIS_PASSWORD (REDIS_URL refers to it). */}}
{{- define "scim-fleet.redisPasswordEnv" -}}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "scim-fleet.redisAuthSecretName" . }}
      key: {{ .Values.redis.auth.existingSecretKey }}
{{- end }}

{{- define "scim-fleet.dashboardSecretName" -}}
{{- default (printf "%s-dashboard-login" (include "scim-fleet.fullname" .)) .Values.scheduler.dashboard.existingSecret }}
{{- end }}

{{- define "scim-fleet.redisName" -}}
{{- printf "%s-redis" (include "scim-fleet.fullname" .) }}
{{- end }}

{{/* The bundled Redis's image: repository:tag, and @digest when one is pinned. */}}
{{- define "scim-fleet.redisImage" -}}
{{- $image := .Values.redis.image }}
{{- printf "%s:%s" $image.repository $image.tag }}{{ with $image.digest }}@{{ . }}{{ end }}
{{- end }}

{{/* Checks that fail the render with a message a person can act on. */}}
{{- define "scim-fleet.validate" -}}
{{- if and (not .Values.redis.enabled) (not .Values.externalRedis.url) (not .Values.externalRedis.existingSecret) }}
{{- fail "redis.enabled is false: set externalRedis.url or externalRedis.existingSecret" }}
{{- end }}
{{- $external := .Values.externalRedis }}
{{- if and (not .Values.redis.enabled) $external.url }}
{{- if and $external.sentinel.enabled (not (hasPrefix "redis-sentinel://" $external.url)) }}
{{- fail "externalRedis.sentinel.enabled is true: externalRedis.url must be redis-sentinel://[user:password@]host:port[,host:port...]/<master>[/db]" }}
{{- end }}
{{- if and (not $external.sentinel.enabled) (hasPrefix "redis-sentinel://" $external.url) }}
{{- fail "externalRedis.url is a redis-sentinel:// URL: set externalRedis.sentinel.enabled: true (the NetworkPolicy must let the fleet reach the sentinels)" }}
{{- end }}
{{- end }}
{{- if not .Values.config.existingConfigMap }}
{{- $parsed := fromYaml .Values.config.providersYaml }}
{{- if hasKey $parsed "Error" }}
{{- fail (printf "config.providersYaml is not valid YAML: %s" (get $parsed "Error")) }}
{{- end }}
{{- if regexMatch "(?m)^[\\s-]*(token|secret|password|bearerToken)\\s*:" .Values.config.providersYaml }}
{{- fail "config.providersYaml holds a token inline: put it in providerTokens and reference it with tokenEnv: SCIM_TARGET_NAME or tokenFile: /var/run/secrets/scim/NAME" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Environment shared by both processes: include with (dict "root" $ "component" "scheduler"|"worker"). */}}
{{- define "scim-fleet.commonEnv" -}}
{{- $root := .root }}
{{- if $root.Values.redis.enabled }}
{{ include "scim-fleet.redisPasswordEnv" $root }}
{{- end }}
- name: REDIS_URL
{{- if $root.Values.redis.enabled }}
  value: {{ printf "redis://:$(REDIS_PASSWORD)@%s:%d/%d" (include "scim-fleet.redisName" $root) (int $root.Values.redis.port) (int $root.Values.redis.database) | quote }}
{{- else if $root.Values.externalRedis.existingSecret }}
  valueFrom:
    secretKeyRef:
      name: {{ $root.Values.externalRedis.existingSecret }}
      key: {{ default $root.Values.externalRedis.existingSecretKey (get $root.Values.externalRedis.componentSecretKeys .component) }}
{{- else }}
  value: {{ $root.Values.externalRedis.url | quote }}
{{- end }}
{{- with $root.Values.externalRedis.sentinel }}
{{- if and (not $root.Values.redis.enabled) .enabled .existingSecret }}
- name: SCIM_REDIS_SENTINEL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .existingSecret }}
      key: {{ .existingSecretKey }}
{{- end }}
{{- end }}
- name: SCIM_REDIS_PREFIX
  value: {{ $root.Values.common.redisPrefix | quote }}
- name: SCIM_POLL_INTERVAL_SECONDS
  value: {{ $root.Values.common.pollIntervalSeconds | quote }}
- name: SCIM_CONFIG
  value: {{ printf "/etc/scim-fleet/config/%s" $root.Values.config.fileName | quote }}
- name: JAVA_TOOL_OPTIONS
  value: {{ $root.Values.common.javaToolOptions | quote }}
{{- if and $root.Values.common.targetDeny (not (hasKey $root.Values.common.env "SCIM_TARGET_DENY")) }}
- name: SCIM_TARGET_DENY
  value: {{ $root.Values.common.targetDeny | quote }}
{{- end }}
{{- range $name, $value := $root.Values.common.env }}
- name: {{ $name }}
  value: {{ $value | quote }}
{{- end }}
{{- end }}

{{- define "scim-fleet.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 10001
runAsGroup: 10001
fsGroup: 10001
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "scim-fleet.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Volumes shared by both processes: /tmp, the providers file, the provider tokens. */}}
{{- define "scim-fleet.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ .Values.common.tmpSizeLimit }}
- name: config
  configMap:
    name: {{ include "scim-fleet.configMapName" . }}
- name: provider-tokens
  secret:
    secretName: {{ include "scim-fleet.tokensSecretName" . }}
    optional: true
{{- end }}

{{- define "scim-fleet.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: config
  mountPath: /etc/scim-fleet/config
  readOnly: true
- name: provider-tokens
  mountPath: /var/run/secrets/scim
  readOnly: true
{{- end }}

{{/* Probes on one named port: include with (dict "probes" .Values.x.probes "port" "http"). */}}
{{- define "scim-fleet.probes" -}}
startupProbe:
  httpGet: {path: /health/live, port: {{ .port }}}
  {{- toYaml .probes.startup | nindent 2 }}
livenessProbe:
  httpGet: {path: /health/live, port: {{ .port }}}
  {{- toYaml .probes.liveness | nindent 2 }}
readinessProbe:
  httpGet: {path: /health/ready, port: {{ .port }}}
  {{- toYaml .probes.readiness | nindent 2 }}
{{- end }}

{{/* Checksums that roll the pods when the providers file or a token given in values changes.
     The secret's checksum is taken over the values, not the rendered Secret, so that a generated admin
     token (random under `helm template`) does not restart the pods at every render. */}}
{{- define "scim-fleet.checksums" -}}
checksum/config: {{ include (print .Template.BasePath "/configmap.yaml") . | sha256sum }}
checksum/secret: {{ toJson (list .Values.adminToken .Values.providerTokens .Values.scheduler.dashboard .Values.redis.auth) | sha256sum }}
{{- end }}
