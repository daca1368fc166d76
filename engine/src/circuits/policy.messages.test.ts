import type { AddressInfo } from 'node:net';
import { describe, expect, it } from '@jest/globals';
import express from 'express';
import { KNOWN_TOPICS } from '@diwan/contracts';
import { errorMiddleware } from '../shared/error.middleware.js';
import { createLogger } from '../shared/logger.js';
import { checkDeployment } from './circuit-files.js';
import { checkBpmn, POLICY_RULES } from './deployment-policy.js';
import { languageOf as languageOfRequest } from '../shared/language.js';
import { localisePolicyRefusal, localiseViolations, POLICY_LANGUAGES, POLICY_MESSAGES } from './policy.messages.js';

const bpmn = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
const refused = bpmn(`
  <bpmn:scriptTask id="calc" scriptFormat="groovy"><bpmn:script>1+1</bpmn:script></bpmn:scriptTask>
  <bpmn:serviceTask id="mail" camunda:type="external" camunda:topic="mail.send.fax"/>
  <bpmn:userTask id="nobody"/>`);
const LATIN = /[A-Za-z]{3,}/;

describe('the deployment policy in the caller’s language', () => {
  it('has a message in ar, fr and en for every rule of the policy and of the form checks', () => {
    for (const rule of [...Object.values(POLICY_RULES), 'form-json', 'form-id']) {
      const messages = POLICY_MESSAGES[rule];
      expect(messages).toBeDefined();
      const said = POLICY_LANGUAGES.map((language) => messages![language]({ file: 'c.bpmn' }));
      expect(new Set(said).size).toBe(3);
      // Arabic has no Latin words but the DOCTYPE and FEEL keywords
      if (rule !== 'no-doctype' && rule !== 'feel-only' && rule !== 'form-condition') expect(said[0]).not.toMatch(LATIN);
    }
  });

  it('says each refusal of a real policy run in Arabic, keeping element, rule and the topic named', () => {
    // given a circuit with a script, an unknown topic and an unassigned task
    const violations = checkBpmn('c.bpmn', refused, { knownTopics: KNOWN_TOPICS });
    // when it is said in Arabic
    const arabic = localiseViolations(violations, 'ar');
    // then every element and rule is kept, and the words are Arabic
    expect(arabic.map((v) => [v.elementId, v.rule])).toEqual(violations.map((v) => [v.elementId, v.rule]));
    expect(arabic.find((v) => v.rule === 'no-script-task')?.message).toBe('النصوص البرمجية غير مسموح بها: استعمل بدلها خطوة جاهزة من الفهرس.');
    expect(arabic.find((v) => v.rule === 'known-topic')?.message).toBe('«mail.send.fax» ليست خطوة جاهزة يعرفها الديوان: اختر واحدة من الفهرس.');
    expect(arabic.find((v) => v.rule === 'user-task-assignment')?.message).toMatch(/^حدّد من يُنجز/);
    // and French says the same in French
    expect(localiseViolations(violations, 'fr').find((v) => v.rule === 'user-task-assignment')?.message).toBe(
      'Indiquez qui fait cette tâche : un service, des personnes ou un responsable.',
    );
  });

  it('answers a refused deployment in the Accept-Language language, French by default', async () => {
    // given an app whose route deploys a refused circuit, with the refusal hook before the error middleware
    const app = express();
    app.get('/language', (req, res) => {
      res.json(languageOfRequest(req));
    });
    app.post('/deploy', () => checkDeployment([{ name: 'c.bpmn', content: refused }]));
    app.use(localisePolicyRefusal);
    app.use(errorMiddleware(createLogger('silent')));
    const server = app.listen(0);
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const post = async (language?: string) => {
      const response = await fetch(`${url}/deploy`, { method: 'POST', headers: language ? { 'Accept-Language': language } : {} });
      return { status: response.status, body: (await response.json()) as { error: { message: string; details: { violations: { rule: string; message: string }[] } } } };
    };
    const languageOf = async (header?: string) => (await fetch(`${url}/language`, { headers: header ? { 'Accept-Language': header } : {} })).json();
    try {
      // when it is called in Arabic, then the refusal and each violation are in Arabic
      const arabic = await post('ar');
      expect(arabic.status).toBe(422);
      expect(arabic.body.error.message).toBe('رُفض النشر: calc — النصوص البرمجية غير مسموح بها: استعمل بدلها خطوة جاهزة من الفهرس. (و2 غيرها)');
      expect(arabic.body.error.details.violations.map((v) => v.rule)).toEqual(['no-script-task', 'known-topic', 'user-task-assignment']);
      // and without a header, in French; with an English browser, in English
      expect((await post()).body.error.message).toMatch(/^Déploiement refusé : calc — Les scripts/);
      expect((await post('en-GB,en;q=0.9')).body.error.message).toMatch(/^Deployment refused: calc — Scripts/);
      expect(await languageOf('de-DE,ar;q=0.5')).toBe('ar');
      expect(await languageOf('de-DE')).toBe('fr');
      expect(await languageOf()).toBe('fr');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
