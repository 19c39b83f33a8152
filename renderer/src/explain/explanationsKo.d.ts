/**
 * 한국어 설명: 각 단계, 네트워크 구간, 렌더러 구간, 메시지, 트레이스 이벤트 종류마다
 * 무슨 일이 일어나는지(Chromium과 NavScope에서)와 그 이유. 일반 텍스트로만 표시합니다.
 */
import type { Explanations } from './explanationTypes.js';
export declare const explanationsKo: Explanations;
