<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko" sourcelanguage="en">
<context>
    <name>ChartExport</name>
    <message>
        <source>BatchNorm on</source>
        <translation>배치 정규화 켬</translation>
    </message>
    <message>
        <source>BatchNorm off</source>
        <translation>배치 정규화 끔</translation>
    </message>
    <message>
        <source>depth %1 × width %2</source>
        <translation>깊이 %1 × 너비 %2</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>스텝 %1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>시드 %1</translation>
    </message>
    <message>
        <source>LayerLens dashboard</source>
        <translation>LayerLens 대시보드</translation>
    </message>
</context>
<context>
    <name>layerlens::ui</name>
    <message>
        <source>BatchNorm on/off</source>
        <translation>배치 정규화 켬/끔</translation>
    </message>
    <message>
        <source>He vs Xavier init</source>
        <translation>He 대 Xavier 초기화</translation>
    </message>
    <message>
        <source>Leaky ReLU vs ReLU</source>
        <translation>Leaky ReLU 대 ReLU</translation>
    </message>
    <message>
        <source>Dropout 0.5 vs none</source>
        <translation>드롭아웃 0.5 대 없음</translation>
    </message>
    <message>
        <source>Batch size 1 (SGD)</source>
        <translation>배치 크기 1 (SGD)</translation>
    </message>
    <message>
        <source>Full batch (GD)</source>
        <translation>전체 배치 (GD)</translation>
    </message>
    <message>
        <source>Learning rate ×10</source>
        <translation>학습률 ×10</translation>
    </message>
    <message>
        <source>Nothing (B = A)</source>
        <translation>차이 없음 (B = A)</translation>
    </message>
    <message>
        <source>BN on</source>
        <translation>BN 켬</translation>
    </message>
    <message>
        <source>BN off</source>
        <translation>BN 끔</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <source>batch %1</source>
        <translation>배치 %1</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ActivationHistogramView</name>
    <message>
        <source>Activation distributions</source>
        <translation>활성값 분포</translation>
    </message>
    <message>
        <source>activation a = f(z)</source>
        <translation>활성값 a = f(z)</translation>
    </message>
    <message>
        <source>pre-activation z</source>
        <translation>활성화 전 값 z</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>표시(&amp;S):</translation>
    </message>
    <message>
        <source>hidden layer (input → output)</source>
        <translation>은닉층 (입력 → 출력)</translation>
    </message>
    <message>
        <source>fraction</source>
        <translation>비율</translation>
    </message>
    <message>
        <source>Activation a = f(z) per layer</source>
        <translation>층별 활성값 a = f(z)</translation>
    </message>
    <message>
        <source>Pre-activation z per layer</source>
        <translation>층별 활성화 전 값 z</translation>
    </message>
    <message>
        <source> · no hidden layers</source>
        <translation> · 은닉층 없음</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source> · range %1</source>
        <translation> · 범위 %1</translation>
    </message>
    <message>
        <source>ranges:</source>
        <translation>범위:</translation>
    </message>
    <message>
        <source> · ranges differ per slot (hover a histogram)</source>
        <translation> · 층마다 범위가 다름 (히스토그램에 마우스를 올려 확인)</translation>
    </message>
    <message>
        <source>μ %1</source>
        <translation>μ %1</translation>
    </message>
    <message>
        <source>σ %1</source>
        <translation>σ %1</translation>
    </message>
    <message>
        <source>L%1, %2</source>
        <translation>L%1, %2</translation>
    </message>
    <message>
        <source>a = f(z)</source>
        <translation>a = f(z)</translation>
    </message>
    <message>
        <source>z</source>
        <translation>z</translation>
    </message>
    <message>
        <source>range %1, %2 bins</source>
        <translation>범위 %1, 구간 %2개</translation>
    </message>
    <message>
        <source>μ %1, σ %2</source>
        <translation>μ %1, σ %2</translation>
    </message>
    <message>
        <source>%1 of %2 values outside the range</source>
        <translation>값 %2개 중 %1개가 범위 밖</translation>
    </message>
    <message>
        <source>%1 values NaN/Inf</source>
        <translation>NaN/Inf 값 %1개</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ChartExportActions</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Stamp the &amp;settings under exported charts</source>
        <translation>내보낸 차트 아래에 설정 표시(&amp;S)</translation>
    </message>
    <message>
        <source>PNG at %1×</source>
        <translation>PNG %1배</translation>
    </message>
    <message>
        <source>Export &amp;dashboard…</source>
        <translation>대시보드 내보내기(&amp;D)…</translation>
    </message>
    <message>
        <source>All views in one image, or one PDF page per view</source>
        <translation>모든 뷰를 이미지 한 장에, 또는 뷰마다 PDF 한 페이지씩</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>다른 이름으로 저장…</translation>
    </message>
    <message>
        <source>Copy to clipboard</source>
        <translation>클립보드에 복사</translation>
    </message>
    <message>
        <source>Export &amp;view</source>
        <translation>뷰 내보내기(&amp;V)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 벡터 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>Save “%1” as</source>
        <translation>“%1” 다른 이름으로 저장</translation>
    </message>
    <message>
        <source>Export the dashboard as</source>
        <translation>대시보드 내보내기</translation>
    </message>
    <message>
        <source>Export o&amp;ptions</source>
        <translation>내보내기 옵션(&amp;P)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::CompareCurvesView</name>
    <message>
        <source>Training curves, A and B</source>
        <translation>학습 곡선, A와 B</translation>
    </message>
    <message>
        <source>training loss (each mini-batch)</source>
        <translation>학습 손실 (미니배치마다)</translation>
    </message>
    <message>
        <source>test loss</source>
        <translation>테스트 손실</translation>
    </message>
    <message>
        <source>training accuracy (each mini-batch)</source>
        <translation>학습 정확도 (미니배치마다)</translation>
    </message>
    <message>
        <source>test accuracy</source>
        <translation>테스트 정확도</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::CompareLayerProfileView</name>
    <message>
        <source>Layers, A and B</source>
        <translation>층별 비교, A와 B</translation>
    </message>
    <message>
        <source>gradient norm ‖∂L/∂W‖ per layer</source>
        <translation>층별 기울기 노름 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>std of the activations per layer</source>
        <translation>층별 활성값 표준편차</translation>
    </message>
    <message>
        <source>update ratio ‖ΔW‖/‖W‖ per layer</source>
        <translation>층별 업데이트 비율 ‖ΔW‖/‖W‖</translation>
    </message>
    <message>
        <source>dead units per layer</source>
        <translation>층별 죽은 유닛</translation>
    </message>
    <message>
        <source>saturated units per layer</source>
        <translation>층별 포화된 유닛</translation>
    </message>
    <message>
        <source>layer (in → out)</source>
        <translation>층 (입력 → 출력)</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>std σ</source>
        <translation>표준편차 σ</translation>
    </message>
    <message>
        <source>‖ΔW‖/‖W‖</source>
        <translation>‖ΔW‖/‖W‖</translation>
    </message>
    <message>
        <source>dead (%)</source>
        <translation>죽은 유닛 (%)</translation>
    </message>
    <message>
        <source>saturated (%)</source>
        <translation>포화 (%)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ComparePage</name>
    <message>
        <source>What run B changes relative to run A; everything else, data, seed and schedule included, is A&apos;s (the settings panel edits A)</source>
        <translation>실행 B가 실행 A와 다른 점입니다. 데이터, 시드, 일정을 포함한 나머지는 모두 A와 같습니다 (설정 패널은 A를 편집합니다)</translation>
    </message>
    <message>
        <source>&amp;B differs by:</source>
        <translation>B의 차이(&amp;B):</translation>
    </message>
    <message>
        <source>Side &amp;by side</source>
        <translation>나란히 보기(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;Overlaid</source>
        <translation>겹쳐 보기(&amp;O)</translation>
    </message>
    <message>
        <source>Rows:</source>
        <translation>행:</translation>
    </message>
    <message>
        <source>The view in the upper row, for A and for B</source>
        <translation>위쪽 행에 A와 B 모두에 보여 줄 뷰</translation>
    </message>
    <message>
        <source>The view in the lower row, for A and for B</source>
        <translation>아래쪽 행에 A와 B 모두에 보여 줄 뷰</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>활성값</translation>
    </message>
    <message>
        <source>Gradient flow</source>
        <translation>기울기 흐름</translation>
    </message>
    <message>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>B (same config)</source>
        <translation>B (같은 설정)</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>실행 A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>실행 B: %1</translation>
    </message>
    <message>
        <source> (same as A)</source>
        <translation> (A와 같음)</translation>
    </message>
    <message>
        <source> — solid line</source>
        <translation> — 실선</translation>
    </message>
    <message>
        <source> — dashed line</source>
        <translation> — 점선</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>실행 중 아님</translation>
    </message>
    <message>
        <source>building the network…</source>
        <translation>네트워크를 만드는 중…</translation>
    </message>
    <message>
        <source>step %1 · loss %2 · accuracy %3%</source>
        <translation>스텝 %1 · 손실 %2 · 정확도 %3%</translation>
    </message>
    <message>
        <source> · test %1%</source>
        <translation> · 테스트 %1%</translation>
    </message>
    <message>
        <source>DIVERGED at step %1</source>
        <translation>스텝 %1에서 발산</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ComparePair</name>
    <message>
        <source>Nothing (B = A)</source>
        <translation>차이 없음 (B = A)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::CompareSession</name>
    <message>
        <source>B: %1 (B runs A&apos;s config)</source>
        <translation>B: %1 (B는 A의 설정으로 실행합니다)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ComparisonView</name>
    <message>
        <source>&amp;Show:</source>
        <translation>표시(&amp;S):</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::ControlPanel</name>
    <message>
        <source>Choose a preset…</source>
        <translation>프리셋 선택…</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>Spiral</source>
        <translation>나선</translation>
    </message>
    <message>
        <source>Circles</source>
        <translation>동심원</translation>
    </message>
    <message>
        <source>Moons</source>
        <translation>반달</translation>
    </message>
    <message>
        <source>XOR</source>
        <translation>XOR</translation>
    </message>
    <message>
        <source>Gaussian blobs</source>
        <translation>가우시안 군집</translation>
    </message>
    <message>
        <source>Gaussian input (500-D)</source>
        <translation>가우시안 입력 (500차원)</translation>
    </message>
    <message>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>데이터</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Noise</source>
        <translation>잡음</translation>
    </message>
    <message>
        <source>Training fraction</source>
        <translation>학습 데이터 비율</translation>
    </message>
    <message>
        <source>Hidden layers</source>
        <translation>은닉층 수</translation>
    </message>
    <message>
        <source>Units per layer</source>
        <translation>층당 유닛 수</translation>
    </message>
    <message>
        <source>Sigmoid</source>
        <translation>시그모이드</translation>
    </message>
    <message>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <source>Maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <source>Linear</source>
        <translation>선형</translation>
    </message>
    <message>
        <source>Activation</source>
        <translation>활성화 함수</translation>
    </message>
    <message>
        <source>Zeros</source>
        <translation>모두 0</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>상수</translation>
    </message>
    <message>
        <source>Normal N(0, σ²)</source>
        <translation>정규분포 N(0, σ²)</translation>
    </message>
    <message>
        <source>Uniform</source>
        <translation>균등분포</translation>
    </message>
    <message>
        <source>Xavier/Glorot normal</source>
        <translation>Xavier/Glorot 정규분포</translation>
    </message>
    <message>
        <source>Xavier/Glorot uniform</source>
        <translation>Xavier/Glorot 균등분포</translation>
    </message>
    <message>
        <source>He/Kaiming normal</source>
        <translation>He/Kaiming 정규분포</translation>
    </message>
    <message>
        <source>He/Kaiming uniform</source>
        <translation>He/Kaiming 균등분포</translation>
    </message>
    <message>
        <source>LeCun normal</source>
        <translation>LeCun 정규분포</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>직교 행렬</translation>
    </message>
    <message>
        <source>Initialisation</source>
        <translation>가중치 초기화</translation>
    </message>
    <message>
        <source>σ (normal)</source>
        <translation>σ (정규분포)</translation>
    </message>
    <message>
        <source>Batch Normalization</source>
        <translation>배치 정규화</translation>
    </message>
    <message>
        <source>Moving average</source>
        <translation>이동 평균</translation>
    </message>
    <message>
        <source>Population (last batches)</source>
        <translation>모집단 (최근 배치들)</translation>
    </message>
    <message>
        <source>BN at inference</source>
        <translation>추론 시 BN</translation>
    </message>
    <message>
        <source>Dropout</source>
        <translation>드롭아웃</translation>
    </message>
    <message>
        <source>Cross-entropy</source>
        <translation>교차 엔트로피</translation>
    </message>
    <message>
        <source>Mean squared error</source>
        <translation>평균 제곱 오차</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실 함수</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>모멘텀</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>미니배치 크기</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>난수 시드</translation>
    </message>
    <message>
        <source>Statistics every</source>
        <translation>통계 주기 (스텝)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::DashboardView</name>
    <message>
        <source>Save or copy this view</source>
        <translation>이 뷰를 저장하거나 복사</translation>
    </message>
    <message>
        <source>on the bottom edge (%1): values below it, and underflow (&lt; %2, e.g. 0)</source>
        <translation>아래쪽 끝(%1)에 표시: 그보다 작은 값과 언더플로(&lt; %2, 예: 0)</translation>
    </message>
    <message>
        <source>on the bottom edge (%1): underflow (&lt; %2, e.g. 0)</source>
        <translation>아래쪽 끝(%1)에 표시: 언더플로(&lt; %2, 예: 0)</translation>
    </message>
    <message>
        <source>on the bottom edge (%1): values below it</source>
        <translation>아래쪽 끝(%1)에 표시: 그보다 작은 값</translation>
    </message>
    <message>
        <source>bottom: underflow</source>
        <translation>맨 아래: 언더플로</translation>
    </message>
    <message>
        <source>bottom: &lt; %1</source>
        <translation>맨 아래: &lt; %1</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::DecisionBoundaryView</name>
    <message>
        <source>Decision boundary</source>
        <translation>결정 경계</translation>
    </message>
    <message>
        <source>Show &amp;test points (hollow)</source>
        <translation>테스트 데이터 표시 (속이 빈 점)(&amp;T)</translation>
    </message>
    <message>
        <source>x₁</source>
        <translation>x₁</translation>
    </message>
    <message>
        <source>x₂</source>
        <translation>x₂</translation>
    </message>
    <message>
        <source>Test images: the network&apos;s prediction and the true class</source>
        <translation>테스트 이미지: 신경망의 예측과 실제 클래스</translation>
    </message>
    <message>
        <source>The decision boundary is drawn for 2-D data sets.</source>
        <translation>결정 경계는 2차원 데이터셋에서만 그립니다.</translation>
    </message>
    <message>
        <source>class %1</source>
        <translation>클래스 %1</translation>
    </message>
    <message>
        <source>pred %1 / true %2</source>
        <translation>예측 %1 / 정답 %2</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::DiagnosticsView</name>
    <message>
        <source>Diagnostics</source>
        <translation>진단</translation>
    </message>
    <message>
        <source>No problems detected.</source>
        <translation>발견된 문제가 없습니다.</translation>
    </message>
    <message>
        <source>Training diverged at step %1. Training has stopped.</source>
        <translation>스텝 %1에서 학습이 발산했습니다. 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <source>Training diverged at step %1: %2. Training has stopped.</source>
        <translation>스텝 %1에서 학습이 발산했습니다: %2. 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <source>%1 — %2, since step %3</source>
        <translation>%1 — %2, 스텝 %3부터</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>%1번째 층</translation>
    </message>
    <message>
        <source>network</source>
        <translation>신경망 전체</translation>
    </message>
    <message>
        <source>Vanishing gradients</source>
        <translation>기울기 소실</translation>
    </message>
    <message>
        <source>Exploding gradients</source>
        <translation>기울기 폭주</translation>
    </message>
    <message>
        <source>Saturation</source>
        <translation>포화</translation>
    </message>
    <message>
        <source>Dead units</source>
        <translation>죽은 유닛</translation>
    </message>
    <message>
        <source>Symmetric neurons</source>
        <translation>대칭 뉴런</translation>
    </message>
    <message>
        <source>Divergence</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>Overfitting</source>
        <translation>과적합</translation>
    </message>
    <message>
        <source>the last</source>
        <translation>마지막</translation>
    </message>
    <message>
        <source>Layer 1&apos;s weight gradient is %1 times smaller than layer %2&apos;s (alarm at %3 times): the first layers hardly learn.</source>
        <translation>첫 층의 가중치 기울기가 %2 층보다 %1배 작습니다(경보 기준 %3배): 앞쪽 층들이 거의 학습하지 못합니다.</translation>
    </message>
    <message>
        <source>Layer 1&apos;s weight gradient is practically 0 next to layer %1&apos;s: the first layers do not learn.</source>
        <translation>첫 층의 가중치 기울기가 %1 층에 비해 사실상 0입니다: 앞쪽 층들이 학습하지 못합니다.</translation>
    </message>
    <message>
        <source>The largest weight gradient grew %1-fold over the last %2 snapshots (alarm at %3-fold): the updates are blowing up.</source>
        <translation>가장 큰 가중치 기울기가 최근 스냅샷 %2개 동안 %1배로 커졌습니다(경보 기준 %3배): 업데이트가 폭주하고 있습니다.</translation>
    </message>
    <message>
        <source>Layer 1&apos;s weight gradient is %1 times larger than layer %2&apos;s (alarm at %3 times): the first layers take huge steps.</source>
        <translation>첫 층의 가중치 기울기가 %2 층보다 %1배 큽니다(경보 기준 %3배): 앞쪽 층들이 지나치게 큰 폭으로 갱신됩니다.</translation>
    </message>
    <message>
        <source>%1% of the activations sit on the flat ends of the activation function (alarm above %2%), where almost no gradient passes.</source>
        <translation>활성값의 %1%가 활성화 함수의 평평한 양 끝에 몰려 있습니다(경보 기준 %2% 초과). 이 구간에서는 기울기가 거의 전달되지 않습니다.</translation>
    </message>
    <message>
        <source>%1 of %2 units output 0 for every sample (alarm above %3%): they get no gradient and stop learning.</source>
        <translation>유닛 %2개 중 %1개가 모든 샘플에 대해 0을 출력합니다(경보 기준 %3% 초과): 기울기를 받지 못해 학습이 멈춥니다.</translation>
    </message>
    <message>
        <source>%1% of the units output 0 for every sample (alarm above %2%): they get no gradient and stop learning.</source>
        <translation>유닛의 %1%가 모든 샘플에 대해 0을 출력합니다(경보 기준 %2% 초과): 기울기를 받지 못해 학습이 멈춥니다.</translation>
    </message>
    <message>
        <source>All %1 neurons have the same weights, so they compute the same thing and the layer works like a single neuron: the initialisation did not break the symmetry.</source>
        <translation>뉴런 %1개의 가중치가 모두 같아서 모두 같은 값을 계산하므로 이 층은 뉴런 하나처럼 동작합니다: 가중치 초기화가 대칭성을 깨지 못했습니다.</translation>
    </message>
    <message>
        <source>All neurons have the same weights, so the layer works like a single neuron: the initialisation did not break the symmetry.</source>
        <translation>모든 뉴런의 가중치가 같아서 이 층은 뉴런 하나처럼 동작합니다: 가중치 초기화가 대칭성을 깨지 못했습니다.</translation>
    </message>
    <message>
        <source>A loss, gradient or weight became NaN or infinite; training stopped.</source>
        <translation>손실, 기울기 또는 가중치가 NaN이나 무한대가 되어 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <source>A number became NaN or infinite (%1); training stopped.</source>
        <translation>어떤 값이 NaN이나 무한대가 되어(%1) 학습을 멈췄습니다.</translation>
    </message>
    <message>
        <source>The test loss rose to %1 times its best (alarm above %2 times) while the training loss kept falling: the network memorises the training set.</source>
        <translation>학습 손실은 계속 줄어드는데 테스트 손실은 최저치의 %1배까지 올랐습니다(경보 기준 %2배 초과): 신경망이 학습 데이터를 외우고 있습니다.</translation>
    </message>
    <message>
        <source>Activation collapse</source>
        <translation>활성값 붕괴</translation>
    </message>
    <message>
        <source>Bias shift</source>
        <translation>편향 이동</translation>
    </message>
    <message>
        <source>BatchNorm train/inference gap</source>
        <translation>배치 정규화 학습/추론 차이</translation>
    </message>
    <message>
        <source>Layer %1&apos;s activations spread only %2 times as far as layer 1&apos;s (alarm below %3 times): the signal fades on its way through the layers.</source>
        <translation>%1층 활성값의 퍼짐이 1층의 %2배에 불과합니다 (경고 기준 %3배 미만): 신호가 층을 지나며 사라집니다.</translation>
    </message>
    <message>
        <source>The activations sit %1 standard deviations away from 0 (alarm above %2): the next layer gets a constant offset, and the weights of each of its units tend to move together.</source>
        <translation>활성값이 0에서 표준편차의 %1배만큼 떨어져 있습니다 (경고 기준 %2배 초과): 다음 층은 일정한 오프셋을 받고, 각 유닛의 가중치들이 함께 움직이려 합니다.</translation>
    </message>
    <message>
        <source>%1% of the probe samples change their predicted class between batch statistics (training) and running statistics (inference) (alarm above %2%): the training curves do not show what inference will do.</source>
        <translation>점검용 샘플의 %1%가 배치 통계(학습)와 이동 통계(추론) 사이에서 예측 클래스가 바뀝니다 (경고 기준 %2% 초과): 학습 곡선만으로는 추론 결과를 알 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::DistributionOverTimeView</name>
    <message>
        <source>Distribution over time</source>
        <translation>시간에 따른 분포</translation>
    </message>
    <message>
        <source>&amp;Layer:</source>
        <translation>층(&amp;L):</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>pre-activation z</source>
        <translation>활성화 전 값 z</translation>
    </message>
    <message>
        <source>15th–85th percentile</source>
        <translation>15–85번째 백분위수</translation>
    </message>
    <message>
        <source>median</source>
        <translation>중앙값</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>%1번째 층</translation>
    </message>
    <message>
        <source>Layer %1: pre-activation percentiles</source>
        <translation>%1번째 층: 활성화 전 값의 백분위수</translation>
    </message>
    <message>
        <source>Pre-activation percentiles</source>
        <translation>활성화 전 값의 백분위수</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::FileMenu</name>
    <message>
        <source>Configs (*.json);;All files (*)</source>
        <translation>설정 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Open config</source>
        <translation>설정 열기</translation>
    </message>
    <message>
        <source>Save config</source>
        <translation>설정 저장</translation>
    </message>
    <message>
        <source>Save model</source>
        <translation>모델 저장</translation>
    </message>
    <message>
        <source>Models (*.json);;All files (*)</source>
        <translation>모델 파일 (*.json);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Export statistics into folder</source>
        <translation>통계를 내보낼 폴더</translation>
    </message>
    <message>
        <source>&amp;Open config…</source>
        <translation>설정 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Read a run&apos;s settings from a JSON config file</source>
        <translation>JSON 설정 파일에서 실행 설정을 읽어 옵니다</translation>
    </message>
    <message>
        <source>&amp;Save config…</source>
        <translation>설정 저장(&amp;S)…</translation>
    </message>
    <message>
        <source>Write the current settings to a JSON config file</source>
        <translation>현재 설정을 JSON 설정 파일에 저장합니다</translation>
    </message>
    <message>
        <source>Save &amp;model…</source>
        <translation>모델 저장(&amp;M)…</translation>
    </message>
    <message>
        <source>Write the network&apos;s current parameters and its config to a file</source>
        <translation>신경망의 현재 파라미터와 설정을 파일에 저장합니다</translation>
    </message>
    <message>
        <source>Export s&amp;tatistics…</source>
        <translation>통계 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <source>Write the run&apos;s statistics as stats.jsonl and stats.csv into a folder</source>
        <translation>실행 통계를 폴더에 stats.jsonl과 stats.csv로 저장합니다</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <source>File not saved</source>
        <translation>파일을 저장하지 못함</translation>
    </message>
    <message>
        <source>The file could not be saved.

%1</source>
        <translation>파일을 저장하지 못했습니다.

%1</translation>
    </message>
    <message>
        <source>&amp;Clear list</source>
        <translation>목록 지우기(&amp;C)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>Export statistics</source>
        <translation>통계 내보내기</translation>
    </message>
    <message>
        <source>%1 already holds stats.jsonl or stats.csv.
Replace them?</source>
        <translation>%1에 이미 stats.jsonl 또는 stats.csv가 있습니다.
덮어쓰시겠습니까?</translation>
    </message>
    <message>
        <source>The config could not be opened.

%1</source>
        <translation>설정을 열지 못했습니다.

%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>열었습니다: %1</translation>
    </message>
    <message>
        <source>The config could not be saved.

%1</source>
        <translation>설정을 저장하지 못했습니다.

%1</translation>
    </message>
    <message>
        <source>Open recent</source>
        <translation>최근 파일 열기</translation>
    </message>
    <message>
        <source>%1 no longer exists; it was removed from the recent files.</source>
        <translation>%1: 파일이 더 이상 없어 최근 파일 목록에서 뺐습니다.</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::GradientFlowView</name>
    <message>
        <source>Gradient flow</source>
        <translation>기울기 흐름</translation>
    </message>
    <message>
        <source>Gradient norm ‖∂L/∂W‖</source>
        <translation>기울기 노름 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖</source>
        <translation>‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>Gradient norm over time</source>
        <translation>시간에 따른 기울기 노름</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::LanguageSwitcher</name>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::LayerBarChart</name>
    <message>
        <source>layer (in → out)</source>
        <translation>층 (입력 → 출력)</translation>
    </message>
    <message>
        <source> · no hidden layers</source>
        <translation> · 은닉층 없음</translation>
    </message>
    <message>
        <source> · not finite: %1</source>
        <translation> · 유한하지 않은 값: %1</translation>
    </message>
    <message>
        <source>L%1: %2 = %3</source>
        <translation>L%1: %2 = %3</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::LayerHistoryChart</name>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>no data yet</source>
        <translation>아직 데이터 없음</translation>
    </message>
    <message>
        <source>dashed: %1</source>
        <translation>점선: %1</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::LessonPanel</name>
    <message>
        <source>◀ Previous (P)</source>
        <translation>◀ 이전 (P)</translation>
    </message>
    <message>
        <source>Next (N) ▶</source>
        <translation>다음 (N) ▶</translation>
    </message>
    <message>
        <source>Compare side by side (C)</source>
        <translation>나란히 비교 (C)</translation>
    </message>
    <message>
        <source>Lesson %1 of %2</source>
        <translation>수업 %1 / %2</translation>
    </message>
    <message>
        <source>No lesson chosen</source>
        <translation>선택한 수업 없음</translation>
    </message>
    <message>
        <source>Press N for the first lesson, or choose one under Preset.</source>
        <translation>N을 누르면 첫 수업이 시작됩니다. 프리셋에서 골라도 됩니다.</translation>
    </message>
    <message>
        <source>Predict first: %1</source>
        <translation>먼저 예측해 보세요: %1</translation>
    </message>
    <message>
        <source>Expected warning: %1</source>
        <translation>예상되는 경고: %1</translation>
    </message>
    <message>
        <source>Hide the explanation</source>
        <translation>설명 숨기기</translation>
    </message>
    <message>
        <source>Show the explanation</source>
        <translation>설명 보기</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::MainWindow</name>
    <message>
        <source>LayerLens</source>
        <translation>LayerLens</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>저장했습니다: %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>층</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Run or pause training (Space)</source>
        <translation>학습 실행 또는 일시 정지 (Space)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>One training step (S)</source>
        <translation>학습을 한 스텝 진행 (S)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>리셋</translation>
    </message>
    <message>
        <source>Start again from step 0 (R)</source>
        <translation>스텝 0부터 다시 시작 (R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>학습(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>%1 page</source>
        <translation>%1 페이지</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About LayerLens</source>
        <translation>LayerLens 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>프리셋</translation>
    </message>
    <message>
        <source>step %1   epoch %2   loss %3   accuracy %4%</source>
        <translation>스텝 %1   에포크 %2   손실 %3   정확도 %4%</translation>
    </message>
    <message>
        <source>   test %1%</source>
        <translation>   테스트 %1%</translation>
    </message>
    <message>
        <source>   %1 steps/s</source>
        <translation>   초당 %1 스텝</translation>
    </message>
    <message>
        <source>   DIVERGED at step %1</source>
        <translation>   스텝 %1에서 발산</translation>
    </message>
    <message>
        <source>About LayerLens</source>
        <translation>LayerLens 정보</translation>
    </message>
    <message>
        <source>&lt;h3&gt;LayerLens %1&lt;/h3&gt;&lt;p&gt;Makes the problems of training deep neural networks visible while they happen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;LayerLens %1&lt;/h3&gt;&lt;p&gt;심층 신경망을 학습할 때 생기는 문제를 학습이 진행되는 동안 눈으로 볼 수 있게 보여 줍니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The saved settings could not be read (%1); using the defaults.</source>
        <translation>저장된 설정을 읽지 못해(%1) 기본값을 사용합니다.</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <source>Train a second run B beside the settings&apos; run A and compare them (C)</source>
        <translation>설정의 실행 A 옆에서 두 번째 실행 B를 학습시켜 비교합니다 (C)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>발표 모드(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, large type, thick lines, high contrast (F11; Esc leaves)</source>
        <translation>전체 화면, 큰 글씨, 굵은 선, 높은 대비 (F11, Esc로 나가기)</translation>
    </message>
    <message>
        <source>Compare: the settings edit run A; Space, S and R drive A and B together</source>
        <translation>비교: 설정은 실행 A를 편집합니다. Space, S, R은 A와 B를 함께 조작합니다</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>수업(&amp;L)</translation>
    </message>
    <message>
        <source>The lessons could not be read: %1</source>
        <translation>수업을 읽을 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>수업</translation>
    </message>
    <message>
        <source>&amp;Next lesson</source>
        <translation>다음 수업(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous lesson</source>
        <translation>이전 수업(&amp;P)</translation>
    </message>
    <message>
        <source>none: this is the healthy case</source>
        <translation>없음: 건강한 경우입니다</translation>
    </message>
    <message>
        <source>Lesson %1: %2</source>
        <translation>수업 %1: %2</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::TrainingCurvesView</name>
    <message>
        <source>Training curves</source>
        <translation>학습 곡선</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>step</source>
        <translation>스텝</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>accuracy (%)</source>
        <translation>정확도 (%)</translation>
    </message>
    <message>
        <source>training (each mini-batch)</source>
        <translation>학습 (미니배치마다)</translation>
    </message>
    <message>
        <source>test</source>
        <translation>테스트</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::TrainingWorker</name>
    <message>
        <source>%1: there is no network yet</source>
        <translation>%1: 아직 신경망이 없습니다</translation>
    </message>
    <message>
        <source>%1: there are no statistics yet</source>
        <translation>%1: 아직 통계가 없습니다</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>폴더가 아닙니다</translation>
    </message>
    <message>
        <source>the folder does not exist</source>
        <translation>폴더가 없습니다</translation>
    </message>
</context>
<context>
    <name>layerlens::ui::WeightsUpdatesView</name>
    <message>
        <source>Update/weight ratio</source>
        <translation>업데이트/가중치 비율</translation>
    </message>
    <message>
        <source>‖ΔW‖/‖W‖</source>
        <translation>‖ΔW‖/‖W‖</translation>
    </message>
    <message>
        <source>1e−3 rule of thumb</source>
        <translation>경험칙 1e−3</translation>
    </message>
    <message>
        <source>Weights and updates</source>
        <translation>가중치와 업데이트</translation>
    </message>
    <message>
        <source>Weight std per layer</source>
        <translation>층별 가중치 표준편차</translation>
    </message>
    <message>
        <source>std of W</source>
        <translation>W의 표준편차</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>See the problems of deep-network training while they happen. Add --headless (see --headless --help) to train without a window.</source>
        <translation>심층 신경망 학습의 문제를 학습이 진행되는 동안 눈으로 확인합니다. 창 없이 학습하려면 --headless를 붙이세요(--headless --help 참고).</translation>
    </message>
    <message>
        <source>Open with this config file.</source>
        <translation>이 설정 파일로 엽니다.</translation>
    </message>
    <message>
        <source>Open with this preset.</source>
        <translation>이 프리셋으로 엽니다.</translation>
    </message>
    <message>
        <source>Stop training after N steps (default: run until paused).</source>
        <translation>N 스텝 후에 학습을 멈춥니다(기본값: 일시 정지할 때까지 실행).</translation>
    </message>
</context>
</TS>
