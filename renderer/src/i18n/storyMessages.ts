/** Labels of the story view, practice mode and the explanation export (the story's own text is in shared/story). */
const en = {
  tabs: { story: 'Story', practice: 'Practice' },
  title: 'The story of this navigation',
  empty: 'Type an address and press Enter: the story of the navigation appears here, chapter by chapter.',
  answer: 'The short answer',
  jump: 'Go to its first message',
  jumpEvent: 'Go to where it starts',
  current: 'you are here',
  skipped: 'did not happen',
  failed: 'failed here',
  chapterOf: 'Chapter {n} of 7',
  export: {
    markdown: 'Explain this navigation (Markdown)',
    html: 'Explain this navigation (HTML page)',
    title: 'The story of the shown navigation, for a student: seven chapters with its own numbers',
  },
  practice: {
    intro:
      'Walk through this navigation yourself: the upcoming messages are hidden, and at each step you pick the next message and who receives it.',
    start: 'Start practice',
    steps: '{n} steps (subresource loads are left out)',
    step: 'Step {n} of {total}',
    score: 'Score {right} / {answered}',
    question: 'Which message comes next, and who receives it?',
    keys: 'Keys: 1 2 3 choose · Enter or → next · Esc leave',
    to: 'to',
    right: 'Right!',
    wrong: 'Not this one. The next message is:',
    next: 'Next step',
    finish: 'See the score',
    done: 'Practice done',
    final: 'You got {right} of {total} right.',
    again: 'Practice again',
    leave: 'Leave practice',
    revealed: 'Messages so far',
    none: 'There is no navigation to practise yet.',
  },
  receivers: {
    browser: 'browser process, UI thread',
    network: 'network thread',
    renderer: 'renderer process {id}',
  },
};

type StoryMessages = typeof en;

const ko: StoryMessages = {
  tabs: { story: '이야기', practice: '연습' },
  title: '이 내비게이션의 이야기',
  empty: '주소를 입력하고 Enter를 누르면 이 내비게이션의 이야기가 장별로 여기에 나타납니다.',
  answer: '짧은 답',
  jump: '첫 메시지로 가기',
  jumpEvent: '시작한 곳으로 가기',
  current: '지금 여기',
  skipped: '일어나지 않음',
  failed: '여기서 실패',
  chapterOf: '7장 중 {n}장',
  export: {
    markdown: '이 내비게이션 설명하기 (Markdown)',
    html: '이 내비게이션 설명하기 (HTML 페이지)',
    title: '보이는 내비게이션의 이야기를 학생용으로: 이 내비게이션의 숫자로 쓴 일곱 장',
  },
  practice: {
    intro:
      '이 내비게이션을 직접 따라가 보세요. 다음 메시지들은 가려져 있고, 단계마다 다음에 올 메시지와 그것을 받는 쪽을 고릅니다.',
    start: '연습 시작',
    steps: '{n}단계 (서브리소스 로드는 뺐습니다)',
    step: '{total}단계 중 {n}단계',
    score: '점수 {right} / {answered}',
    question: '다음에 올 메시지는 무엇이고, 누가 받을까요?',
    keys: '키: 1 2 3 고르기 · Enter 또는 → 다음 · Esc 나가기',
    to: '받는 쪽',
    right: '정답입니다!',
    wrong: '아쉽네요. 다음 메시지는 이것입니다:',
    next: '다음 단계',
    finish: '점수 보기',
    done: '연습 끝',
    final: '{total}문제 중 {right}문제를 맞혔습니다.',
    again: '다시 연습하기',
    leave: '연습 끝내기',
    revealed: '지금까지의 메시지',
    none: '아직 연습할 내비게이션이 없습니다.',
  },
  receivers: {
    browser: '브라우저 프로세스의 UI 스레드',
    network: '네트워크 스레드',
    renderer: '렌더러 프로세스 {id}',
  },
};

export const storyMessages = { en, ko };
