/**
 * The shared modules Grafana provides to plugin bundles (the scaffold's webpack externals), registered with the
 * harness AMD loader under the same names.
 */
import * as emotionCss from '@emotion/css';
import * as emotionReact from '@emotion/react';
import * as grafanaData from '@grafana/data';
import * as grafanaRuntime from '@grafana/runtime';
import * as grafanaUi from '@grafana/ui';
import * as i18next from 'i18next';
import * as lodash from 'lodash';
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import * as jsxRuntime from 'react/jsx-runtime';
import * as reactRouter from 'react-router';
import * as rxjs from 'rxjs';
import * as rxjsOperators from 'rxjs/operators';
import { registerShared } from './amd';

/** Registers every shared module; returns their names (the test checks the bundles need nothing else). */
export function registerSharedModules(): string[] {
  const modules: Record<string, unknown> = {
    react: React,
    'react-dom': ReactDOM,
    'react/jsx-runtime': jsxRuntime,
    'react-router': reactRouter,
    '@grafana/data': grafanaData,
    '@grafana/ui': grafanaUi,
    '@grafana/runtime': grafanaRuntime,
    '@emotion/css': emotionCss,
    '@emotion/react': emotionReact,
    rxjs,
    'rxjs/operators': rxjsOperators,
    lodash: (lodash as { default?: unknown }).default ?? lodash,
    i18next: (i18next as { default?: unknown }).default ?? i18next,
  };
  for (const [name, module] of Object.entries(modules)) {
    registerShared(name, module);
  }
  return Object.keys(modules);
}
