import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue';

/** The content size of an element, kept up to date with a ResizeObserver. */
export function useElementSize(target: Ref<HTMLElement | null>) {
  const width = ref(0);
  const height = ref(0);
  let observer: ResizeObserver | null = null;
  onMounted(() => {
    if (!target.value) return;
    observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      width.value = Math.floor(entry.contentRect.width);
      height.value = Math.floor(entry.contentRect.height);
    });
    observer.observe(target.value);
  });
  onBeforeUnmount(() => observer?.disconnect());
  return { width, height };
}
