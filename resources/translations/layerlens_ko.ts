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
    <name>ComparePair</name>
    <message>
        <source>Nothing (B = A)</source>
        <translation>차이 없음 (B = A)</translation>
    </message>
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
    <name>Lesson</name>
    <message>
        <source>Mini-batch size: one sample versus the full batch</source>
        <comment>batch-size: title</comment>
        <translation>미니 배치 크기: 샘플 1개와 전체 배치</translation>
    </message>
    <message>
        <source>The same network and learning rate, trained on one sample per step or on all 400 training samples per step. Which loss curve is noisier, which makes more progress per step, and which gets through an epoch faster?</source>
        <comment>batch-size: question</comment>
        <translation>같은 신경망과 같은 학습률로, 한 단계에 샘플 1개를 쓰거나 학습 샘플 400개 전체를 씁니다. 어느 쪽 손실 곡선이 더 들쭉날쭉하고, 어느 쪽이 한 단계에 더 많이 나아가며, 어느 쪽이 한 에포크를 더 빨리 끝낼까요?</translation>
    </message>
    <message>
        <source>A one-sample gradient points downhill only on average and carries a lot of noise, so the training loss jumps from step to step; the full batch follows the true gradient of the training loss, and its curve is smooth. With the same learning rate both make similar progress per step (test loss 0.41 with one sample and 0.31 with the full batch after 800 steps), but a full-batch step processes 400 times as many samples: in 800 steps batch 1 covers 2 epochs and the full batch 800. Per epoch the full batch is still much faster: one large matrix product keeps the processor busier than 400 tiny ones (on the machine these lessons were measured on, about 35 000 steps per second with batch 1, 0.012 s per epoch, against 3 000 steps per second with the full batch, 0.0003 s per epoch; read your own from the steps-per-second readout). A batch of 32 (set batch_size to 32) sits in between. No warning fires: the lesson is in the curves.</source>
        <comment>batch-size: explanation</comment>
        <translation>샘플 하나로 구한 그래디언트는 평균적으로만 내리막을 가리키고 잡음이 많아서, 학습 손실이 단계마다 들쭉날쭉합니다. 전체 배치는 학습 손실의 실제 그래디언트를 따라가므로 곡선이 매끄럽습니다. 학습률이 같으면 한 단계에 나아가는 정도는 비슷하지만(800단계 후 테스트 손실이 샘플 1개는 0.41, 전체 배치는 0.31), 전체 배치의 한 단계는 샘플을 400배 많이 처리합니다. 800단계 동안 배치 1은 2에포크, 전체 배치는 800에포크를 돕니다. 그래도 에포크당 시간은 전체 배치가 훨씬 짧습니다. 큰 행렬 곱 한 번이 작은 곱 400번보다 프로세서를 훨씬 효율적으로 쓰기 때문입니다(이 강의를 측정한 컴퓨터에서 배치 1은 초당 약 35 000단계로 에포크당 0.012초, 전체 배치는 초당 약 3 000단계로 에포크당 0.0003초였습니다. 초당 단계 수 표시로 직접 확인해 보세요). 배치 크기 32(batch_size를 32로 바꿔 보세요)는 그 중간입니다. 경고는 뜨지 않습니다. 이 강의의 핵심은 곡선 자체입니다.</translation>
    </message>
    <message>
        <source>Full batch (400 samples)</source>
        <comment>batch-size: compare.title</comment>
        <translation>전체 배치 (샘플 400개)</translation>
    </message>
    <message>
        <source>BatchNorm to the rescue: sigmoid on Fashion-MNIST</source>
        <comment>batchnorm-fashion-mnist: title</comment>
        <translation>배치 정규화의 효과: Fashion-MNIST의 시그모이드 신경망</translation>
    </message>
    <message>
        <source>Three hidden layers of 100 sigmoid units and batches of 60, as in Figure 1 of the BatchNorm paper. After 500 steps, which reaches the higher test accuracy: without or with BatchNorm? How far will the 15th, 50th and 85th percentiles of layer 3&apos;s sigmoid inputs wander?</source>
        <comment>batchnorm-fashion-mnist: question</comment>
        <translation>배치 정규화 논문의 그림 1과 같은 설정입니다. 시그모이드 유닛 100개짜리 은닉층 3개, 배치 크기 60. 500단계 후 테스트 정확도는 배치 정규화가 없을 때와 있을 때 중 어느 쪽이 높을까요? 3층 시그모이드 입력의 15·50·85번째 백분위수는 얼마나 움직일까요?</translation>
    </message>
    <message>
        <source>Without BatchNorm the input of every sigmoid drifts as the layers below it change: layer 3&apos;s median moves from 0.03 at step 0 to −1.05 within 500 steps, so each layer keeps chasing a moving target (the percentile chart shows the three curves wandering), and the all-positive sigmoid outputs raise the bias-shift warning. With BatchNorm each sigmoid input is re-centred and re-scaled on every batch: the median stays between −0.14 and −0.02 and no warning fires. After 500 steps the test accuracy is 0.67 without and 0.82 with BatchNorm. After the lesson&apos;s 3000 steps the plain network has nearly caught up (0.84 against 0.85): here, as in the paper&apos;s figure, BatchNorm&apos;s main gain is speed.</source>
        <comment>batchnorm-fashion-mnist: explanation</comment>
        <translation>배치 정규화가 없으면 아래층이 바뀔 때마다 각 시그모이드의 입력 분포가 함께 흘러갑니다. 3층 입력의 중앙값은 0단계 0.03에서 500단계 안에 −1.05까지 움직여서, 각 층은 움직이는 과녁을 계속 쫓아야 합니다(백분위수 차트에서 세 곡선이 떠도는 모습이 보입니다). 시그모이드 출력이 모두 양수라 편향 이동 경고도 뜹니다. 배치 정규화를 쓰면 매 배치마다 시그모이드 입력의 중심과 크기를 다시 맞추므로, 중앙값이 −0.14와 −0.02 사이에 머물고 경고도 뜨지 않습니다. 500단계 후 테스트 정확도는 배치 정규화가 없을 때 0.67, 있을 때 0.82입니다. 강의의 3000단계가 끝날 때쯤이면 일반 신경망도 거의 따라잡습니다(0.84 대 0.85). 논문의 그림처럼, 여기서 배치 정규화의 가장 큰 이득은 속도입니다.</translation>
    </message>
    <message>
        <source>With BatchNorm</source>
        <comment>batchnorm-fashion-mnist: compare.title</comment>
        <translation>배치 정규화 적용</translation>
    </message>
    <message>
        <source>BatchNorm at inference: batch statistics versus running statistics</source>
        <comment>batchnorm-inference: title</comment>
        <translation>추론 때의 배치 정규화: 배치 통계와 이동 통계</translation>
    </message>
    <message>
        <source>Training normalises each batch of 4 with that batch&apos;s own mean and variance; inference uses running averages instead. Classify 128 training samples both ways: for how many will the two answers differ? Does averaging the last 100 batches (population mode) instead of the exponential moving average help?</source>
        <comment>batchnorm-inference: question</comment>
        <translation>학습 때는 샘플 4개짜리 배치마다 그 배치의 평균과 분산으로 정규화하고, 추론 때는 대신 이동 평균을 씁니다. 학습 샘플 128개를 두 방식으로 분류하면 몇 개나 답이 달라질까요? 지수 이동 평균 대신 최근 배치 100개의 평균(모집단 방식)을 쓰면 나아질까요?</translation>
    </message>
    <message>
        <source>With four samples a batch&apos;s mean and variance are rough estimates that change from batch to batch, and the network learns under that noise; the running statistics are smooth averages over many batches. The two modes therefore feed the layers different inputs: at step 600, 29% of the 128 probe samples change their predicted class between them, and the gap warning (more than 20% on average over five snapshots) holds from step 90. Here inference is the better of the two (probe accuracy 0.91 with running statistics against 0.70 with batch statistics), but either way the training curves, measured with batch statistics, do not show what inference will do. Population mode gives almost the same gap (26%): the cause is the batch size, not the averaging rule. With batches of 64 the disagreement falls to about 1% (set batch_size to 64).</source>
        <comment>batchnorm-inference: explanation</comment>
        <translation>샘플이 4개뿐이면 배치의 평균과 분산은 배치마다 크게 달라지는 거친 추정치이고, 신경망은 그 잡음 속에서 학습합니다. 반면 이동 통계는 많은 배치에 걸친 매끄러운 평균입니다. 그래서 두 방식은 각 층에 서로 다른 입력을 넣게 됩니다. 600단계에서 검사용 샘플 128개 중 29%가 두 방식 사이에서 예측 클래스가 바뀌고, 격차 경고(스냅숏 5개 평균이 20% 초과)가 90단계부터 이어집니다. 여기서는 추론 쪽이 더 낫지만(이동 통계로 정확도 0.91, 배치 통계로 0.70), 어느 쪽이든 배치 통계로 잰 학습 곡선은 추론 결과를 알려 주지 못합니다. 모집단 방식도 격차가 거의 같습니다(26%). 원인은 평균 내는 방법이 아니라 배치 크기입니다. 배치 크기를 64로 바꾸면 불일치가 약 1%로 떨어집니다.</translation>
    </message>
    <message>
        <source>Population statistics (last 100 batches)</source>
        <comment>batchnorm-inference: compare.title</comment>
        <translation>모집단 통계 (최근 배치 100개)</translation>
    </message>
    <message>
        <source>Constant initialisation: neurons that stay identical</source>
        <comment>constant-init: title</comment>
        <translation>상수 초기화: 끝까지 똑같은 뉴런들</translation>
    </message>
    <message>
        <source>Every weight starts at 0.05. The weights will change during training, but will the 64 neurons of a layer ever become different from one another?</source>
        <comment>constant-init: question</comment>
        <translation>모든 가중치가 0.05에서 시작합니다. 학습하면서 가중치는 바뀌겠지만, 한 층의 뉴런 64개가 서로 달라지는 순간이 올까요?</translation>
    </message>
    <message>
        <source>Random Xavier weights</source>
        <comment>constant-init: compare.title</comment>
        <translation>무작위 Xavier 가중치</translation>
    </message>
    <message>
        <source>Overfitting and Dropout</source>
        <comment>dropout-overfitting: title</comment>
        <translation>과적합과 드롭아웃</translation>
    </message>
    <message>
        <source>90 training samples, three layers of 128 units and Adam. The training loss will head for 0: what will the test loss do? And if half of the hidden units are switched off at random in every step?</source>
        <comment>dropout-overfitting: question</comment>
        <translation>학습 샘플 90개에 128유닛짜리 층 3개, 그리고 Adam입니다. 학습 손실은 0으로 향할 텐데, 테스트 손실은 어떻게 될까요? 매 단계 은닉 유닛의 절반을 무작위로 끄면 어떨까요?</translation>
    </message>
    <message>
        <source>A network this large can memorise 90 points, and the curves part: the training loss falls toward 0 while the test loss is lowest at step 60 and then climbs (0.32 at step 500); the overfitting warning holds from step 160. With dropout 0.5 each step trains a random half of the network, so no unit can rely on particular partners. The training curve stays higher (it is measured with dropout on), the test loss keeps improving for much longer and ends at 0.07, and the warning appears only at step 420. Here dropout narrows the gap and delays overfitting; it does not remove it.</source>
        <comment>dropout-overfitting: explanation</comment>
        <translation>이만큼 큰 신경망은 점 90개를 외워 버릴 수 있어서 두 곡선이 갈라집니다. 학습 손실은 0을 향해 내려가는데, 테스트 손실은 60단계에서 가장 낮았다가 다시 올라갑니다(500단계에 0.32). 과적합 경고는 160단계부터 이어집니다. 드롭아웃 0.5를 쓰면 매 단계 신경망의 무작위 절반만 학습하므로, 어떤 유닛도 특정 동료에게 기댈 수 없습니다. 학습 곡선은 더 높게 유지되고(드롭아웃을 켠 채로 재기 때문입니다), 테스트 손실은 훨씬 오래 개선되어 0.07로 끝나며, 경고는 420단계에야 나타납니다. 여기서 드롭아웃은 격차를 줄이고 과적합을 늦추지만, 없애지는 못합니다.</translation>
    </message>
    <message>
        <source>Dropout 0.5</source>
        <comment>dropout-overfitting: compare.title</comment>
        <translation>드롭아웃 0.5</translation>
    </message>
    <message>
        <source>Dying ReLU: a learning rate that kills units</source>
        <comment>dying-relu: title</comment>
        <translation>죽은 ReLU: 유닛을 죽이는 학습률</translation>
    </message>
    <message>
        <source>Plain SGD with a learning rate of 1 on a 6-layer ReLU network. A ReLU unit whose input is negative for every sample outputs 0 and gets no gradient. How many units will still be alive after 400 steps?</source>
        <comment>dying-relu: question</comment>
        <translation>6층 ReLU 신경망을 학습률 1의 SGD로 학습합니다. 모든 샘플에서 입력이 음수인 ReLU 유닛은 0만 출력하고 그래디언트도 받지 못합니다. 400단계 뒤에 살아 있는 유닛은 얼마나 될까요?</translation>
    </message>
    <message>
        <source>A step this large can push a unit&apos;s weights and bias so far that its input is negative for every sample; from then on its gradient is exactly 0 and no update can bring it back. The dead-units warning fires at step 10 (69% of layer 2), and the dead fraction keeps rising: at step 400, 72% to 100% of the units of layers 2 to 6 are dead, layer 6 entirely, and the network is stuck at a test accuracy of 0.30. With a learning rate of 0.1 no layer ever has more than 34% dead units (16% at the end), no warning fires, and the test accuracy reaches 0.98.</source>
        <comment>dying-relu: explanation</comment>
        <translation>이렇게 큰 한 걸음은 유닛의 가중치와 편향을 멀리 밀어내서, 모든 샘플에서 입력이 음수가 되게 만들 수 있습니다. 그때부터 그 유닛의 그래디언트는 정확히 0이라 어떤 갱신으로도 되살릴 수 없습니다. 10단계에서 죽은 유닛 경고가 뜨고(2층의 69%), 죽은 비율은 계속 늘어납니다. 400단계에는 2~6층 유닛의 72~100%가 죽어 있고 6층은 전부 죽어서, 신경망은 테스트 정확도 0.30에서 멈춥니다. 학습률을 0.1로 낮추면 어느 층도 죽은 유닛이 34%를 넘지 않고(마지막에는 16%), 경고 없이 테스트 정확도가 0.98에 이릅니다.</translation>
    </message>
    <message>
        <source>Learning rate 0.1</source>
        <comment>dying-relu: compare.title</comment>
        <translation>학습률 0.1</translation>
    </message>
    <message>
        <source>Exploding: ReLU with N(0, 1), 10 layers</source>
        <comment>exploding-relu: title</comment>
        <translation>폭주: N(0, 1) 가중치의 ReLU 10층</translation>
    </message>
    <message>
        <source>With weights from N(0, 1), each 64-unit ReLU layer makes the signal about √(64/2) ≈ 5.7 times larger. How large is the loss at step 0, and how many steps will training survive?</source>
        <comment>exploding-relu: question</comment>
        <translation>폭이 64인 ReLU 층에 N(0, 1) 가중치를 쓰면 층마다 신호가 약 √(64/2) ≈ 5.7배 커집니다. 0단계 손실은 얼마나 클까요? 학습은 몇 단계나 버틸까요?</translation>
    </message>
    <message>
        <source>The activation std grows from 4.7 at layer 1 to 1.8·10⁷ at layer 10, the loss at step 0 is 1.7·10⁸, and every layer&apos;s weight gradient is around 10⁸. The first update is therefore enormous, and at step 2 the loss is no longer a finite number: the run stops with the divergence warning (exit code 3 on the command line), keeping its statistics up to that step; that step&apos;s snapshot also shows most units of layers 8 to 10 dead, their weights thrown far off by the first update. The exploding-gradient warning compares layer 1 with layer 10 or watches the growth over five snapshots; here every layer explodes at once (ratio 0.6) and the run ends first, so it is the divergence check that reports the explosion. With He initialisation (std √(2/64) ≈ 0.18) the activation std of every layer stays between 0.2 and 1.4 and training runs without a warning.</source>
        <comment>exploding-relu: explanation</comment>
        <translation>활성값 표준편차는 1층 4.7에서 10층 1.8×10⁷까지 커지고, 0단계 손실은 1.7×10⁸, 모든 층의 가중치 그래디언트는 10⁸ 안팎입니다. 그래서 첫 갱신이 엄청나게 크고, 2단계에서 손실이 더 이상 유한한 수가 아니게 됩니다. 학습은 발산 경고와 함께 멈추고(명령줄에서는 종료 코드 3), 통계는 그 단계까지 남습니다. 그 단계의 스냅숏에서는 첫 갱신으로 가중치가 멀리 튕겨 나간 8~10층 유닛 대부분이 죽은 것으로 나타납니다. 그래디언트 폭주 경고는 1층과 10층을 비교하거나 스냅숏 5개에 걸친 증가를 보는데, 여기서는 모든 층이 한꺼번에 폭주하고(비율 0.6) 그 전에 학습이 끝나 버리므로 폭주를 알려 주는 것은 발산 검사입니다. He 초기화(표준편차 √(2/64) ≈ 0.18)를 쓰면 모든 층의 활성값 표준편차가 0.2~1.4 사이에 머물고 경고 없이 학습이 진행됩니다.</translation>
    </message>
    <message>
        <source>He initialisation</source>
        <comment>exploding-relu: compare.title</comment>
        <translation>He 초기화</translation>
    </message>
    <message>
        <source>Leaky ReLU and ELU: units that do not die</source>
        <comment>leaky-relu-elu: title</comment>
        <translation>Leaky ReLU와 ELU: 죽지 않는 유닛</translation>
    </message>
    <message>
        <source>A deep, narrow ReLU network, 10 layers of 4 units: some units are dead before training even starts. Give the negative side a slope of 0.2 (Leaky ReLU). Will the network learn?</source>
        <comment>leaky-relu-elu: question</comment>
        <translation>깊고 좁은 ReLU 신경망(유닛 4개짜리 층 10개)에서는 학습을 시작하기도 전에 죽은 유닛이 있습니다. 음수 쪽에 기울기 0.2를 주면(Leaky ReLU) 신경망이 학습할 수 있을까요?</translation>
    </message>
    <message>
        <source>With only four units per layer, a layer whose units all stay below 0 for the whole batch cuts the signal off. At step 0, 3 of layer 7&apos;s 4 units are already dead; after 600 steps layers 7, 9 and 10 are entirely dead and the test accuracy is 0.30. Leaky ReLU keeps a small slope for z &lt; 0, so a unit below 0 still passes some gradient and can come back: no warning fires and the test accuracy reaches 0.58. (The dead-fraction chart still counts Leaky ReLU units that sit below 0 for a whole batch; for them that state is not final.) ELU, whose negative side bends smoothly toward −1, does even better here (set activation to elu): 0.88 with no warning. On lesson 8&apos;s network at learning rate 1, however, both diverge (ELU at step 6): there, ReLU&apos;s dead units had been hiding how large the steps were.</source>
        <comment>leaky-relu-elu: explanation</comment>
        <translation>층마다 유닛이 4개뿐이라, 배치 전체에서 모든 유닛이 0 아래에 머무는 층이 하나만 있어도 신호가 끊깁니다. 0단계에 이미 7층 유닛 4개 중 3개가 죽어 있고, 600단계 뒤에는 7층, 9층, 10층이 전부 죽어 테스트 정확도가 0.30입니다. Leaky ReLU는 z &lt; 0에서도 작은 기울기를 남기므로, 0 아래에 있는 유닛도 그래디언트를 조금씩 받아 돌아올 수 있습니다. 경고 없이 테스트 정확도가 0.58에 이릅니다. (죽은 비율 차트는 배치 전체에서 0 아래에 있는 Leaky ReLU 유닛도 세지만, 이들에게 그 상태는 끝이 아닙니다.) 음수 쪽이 −1을 향해 부드럽게 휘는 ELU는 여기서 더 잘합니다(activation을 elu로 바꿔 보세요). 경고 없이 0.88입니다. 다만 8강의 신경망에 학습률 1을 쓰면 둘 다 발산합니다(ELU는 6단계). 그 설정에서는 ReLU의 죽은 유닛이 지나치게 큰 걸음을 가리고 있었던 것입니다.</translation>
    </message>
    <message>
        <source>Leaky ReLU (slope 0.2)</source>
        <comment>leaky-relu-elu: compare.title</comment>
        <translation>Leaky ReLU (기울기 0.2)</translation>
    </message>
    <message>
        <source>Maxout: an activation that learns its shape</source>
        <comment>maxout: title</comment>
        <translation>맥스아웃: 모양을 스스로 배우는 활성화 함수</translation>
    </message>
    <message>
        <source>A Maxout unit outputs the larger of two learned linear functions of its input. On the narrow 10-layer network where ReLU units die, can a Maxout unit die? What does it cost?</source>
        <comment>maxout: question</comment>
        <translation>맥스아웃 유닛은 입력에 대한 두 선형 함수 중 큰 값을 출력하고, 두 함수는 모두 학습됩니다. ReLU 유닛이 죽는 좁은 10층 신경망에서 맥스아웃 유닛도 죽을 수 있을까요? 그 대가는 무엇일까요?</translation>
    </message>
    <message>
        <source>The maximum of linear pieces is piecewise linear with no flat part unless the pieces coincide, so every unit always passes the gradient of its winning piece: it can neither die nor saturate. ReLU is the special case max(z, 0), with one piece fixed at 0. On this network Maxout reaches a test accuracy of 0.975 with no warning, while ReLU loses whole layers (dead-units warning from step 0, test accuracy 0.30). The price is k sets of weights per unit (here k = 2), so the hidden layers have twice the parameters and do twice the work. Maxout here uses LeCun initialisation (variance 1/fan_in): with He&apos;s doubled variance the maximum of two pieces grows too fast and this network diverges within ten steps.</source>
        <comment>maxout: explanation</comment>
        <translation>선형 조각들의 최댓값은 조각이 겹치지 않는 한 평평한 구간이 없는 조각별 선형 함수입니다. 그래서 각 유닛은 언제나 이긴 조각의 그래디언트를 전달하고, 죽지도 포화되지도 않습니다. ReLU는 한 조각을 0으로 고정한 특수한 경우 max(z, 0)입니다. 이 신경망에서 맥스아웃은 경고 없이 테스트 정확도 0.975에 이르지만, ReLU는 층 전체를 잃습니다(0단계부터 죽은 유닛 경고, 테스트 정확도 0.30). 대가는 유닛마다 가중치가 k벌(여기서는 k = 2) 필요하다는 것입니다. 은닉층의 매개변수도 계산량도 두 배가 됩니다. 여기서 맥스아웃은 LeCun 초기화(분산 1/fan_in)를 씁니다. 분산을 두 배로 잡는 He 초기화를 쓰면 두 조각의 최댓값이 너무 빨리 커져서 이 신경망은 10단계 안에 발산합니다.</translation>
    </message>
    <message>
        <source>ReLU with He initialisation</source>
        <comment>maxout: compare.title</comment>
        <translation>ReLU + He 초기화</translation>
    </message>
    <message>
        <source>ReLU, 20 layers: He keeps the signal, Xavier lets it fade</source>
        <comment>relu-he: title</comment>
        <translation>ReLU 20층: He는 신호를 지키고 Xavier는 흐려진다</translation>
    </message>
    <message>
        <source>ReLU sets every negative input to 0, which halves the signal&apos;s mean square in each layer. With Xavier initialisation, how much of layer 1&apos;s spread will reach layer 20? And with He initialisation, which doubles the variance?</source>
        <comment>relu-he: question</comment>
        <translation>ReLU는 음수 입력을 모두 0으로 만들기 때문에 층마다 신호의 제곱 평균이 절반으로 줄어듭니다. Xavier 초기화라면 1층의 퍼짐 중 얼마가 20층까지 남을까요? 분산을 두 배로 잡는 He 초기화라면요?</translation>
    </message>
    <message>
        <source>He initialisation uses variance 2/fan_in, twice Xavier&apos;s for equal widths, to make up for the half that ReLU discards. Here the activation std is 0.83 at layer 1 and 1.01 at layer 20, no warning fires, and the training loss falls from 3.65 to 1.83 in 100 steps. In the comparison Xavier loses a factor of about √2 per layer: the std drops from 0.59 at layer 1 to 0.001 at layer 20, a ratio of 0.0017, below the collapse threshold of 0.01, and the loss stays at 2.30. The gradient ratio does not reveal this: with Xavier layer 1&apos;s weight gradient is 0.88 times layer 20&apos;s, because the weakened signal and the weakened error meet in every layer&apos;s weight gradient.</source>
        <comment>relu-he: explanation</comment>
        <translation>He 초기화는 분산을 2/fan_in으로, 즉 폭이 같다면 Xavier의 두 배로 잡아 ReLU가 버리는 절반을 메웁니다. 여기서 활성값 표준편차는 1층 0.83, 20층 1.01이고 경고는 없으며, 학습 손실은 100단계 동안 3.65에서 1.83으로 내려갑니다. 비교 설정의 Xavier는 층마다 약 √2배씩 잃어서 표준편차가 1층 0.59에서 20층 0.001로 떨어집니다. 비율로는 0.0017로 붕괴 경고 기준인 0.01보다 작고, 손실은 2.30에서 움직이지 않습니다. 그래디언트 비율로는 이 문제가 드러나지 않습니다. Xavier에서도 1층 가중치 그래디언트가 20층의 0.88배인데, 약해진 신호와 약해진 오차가 모든 층의 가중치 그래디언트에서 만나기 때문입니다.</translation>
    </message>
    <message>
        <source>Xavier initialisation</source>
        <comment>relu-he: compare.title</comment>
        <translation>Xavier 초기화</translation>
    </message>
    <message>
        <source>Sigmoid&apos;s bias shift: outputs centred at 0.5</source>
        <comment>sigmoid-bias-shift: title</comment>
        <translation>시그모이드의 편향 이동: 0.5에 몰린 출력</translation>
    </message>
    <message>
        <source>A sigmoid outputs values between 0 and 1. Where will each layer&apos;s average activation sit, and how widely will the values spread around it? What changes with tanh?</source>
        <comment>sigmoid-bias-shift: question</comment>
        <translation>시그모이드의 출력은 0과 1 사이입니다. 각 층의 활성값 평균은 어디쯤이고, 값들은 그 주위로 얼마나 퍼질까요? tanh로 바꾸면 무엇이 달라질까요?</translation>
    </message>
    <message>
        <source>Every sigmoid output is positive, so the next layer receives inputs that all lean the same way. Its weighted sums pick up an offset that has nothing to do with the data, and for each sample the gradients of a unit&apos;s incoming weights all share the sign of that unit&apos;s error, so they can only move together. The activation view shows layer 1 at a mean of 0.50 with a std of only 0.027: the mean is 19 times the spread (the warning fires above 2). After 500 steps the test accuracy is 0.30. tanh has the same S shape but is centred on 0: the means stay within 0.03 of 0, no warning fires, and the test accuracy reaches 0.96.</source>
        <comment>sigmoid-bias-shift: explanation</comment>
        <translation>시그모이드의 출력은 모두 양수라서, 다음 층은 한쪽으로만 치우친 입력을 받습니다. 그래서 가중합에는 데이터와 상관없는 오프셋이 붙고, 샘플 하나에 대해 한 유닛으로 들어오는 가중치들의 그래디언트는 모두 그 유닛 오차와 부호가 같아 함께 움직일 수밖에 없습니다. 활성값 뷰에서 1층의 평균은 0.50인데 표준편차는 0.027에 불과합니다. 평균이 퍼짐의 19배인 셈입니다(경고 기준은 2배). 500단계 후에도 테스트 정확도는 0.30입니다. tanh는 모양은 같은 S자이지만 0을 중심으로 합니다. 평균이 0에서 0.03 이내에 머물고, 경고 없이 테스트 정확도가 0.96에 이릅니다.</translation>
    </message>
    <message>
        <source>tanh, centred at 0</source>
        <comment>sigmoid-bias-shift: compare.title</comment>
        <translation>0을 중심으로 하는 tanh</translation>
    </message>
    <message>
        <source>Sigmoid, 10 layers: vanishing gradients</source>
        <comment>sigmoid-deep: title</comment>
        <translation>시그모이드 10층: 그래디언트 소실</translation>
    </message>
    <message>
        <source>Ten sigmoid layers with Xavier initialisation. At step 0, how does layer 1&apos;s weight gradient compare with layer 10&apos;s: about the same, 10 times smaller, or more than 1000 times smaller?</source>
        <comment>sigmoid-deep: question</comment>
        <translation>시그모이드 층 10개에 Xavier 초기화를 썼습니다. 0단계에서 1층의 가중치 그래디언트는 10층과 비교해 어느 정도일까요? 비슷하다, 10배 작다, 1000배 넘게 작다 중에서 골라 보세요.</translation>
    </message>
    <message>
        <source>The sigmoid&apos;s slope is at most 0.25, so every layer the error passes back through shrinks it again. In the gradient-flow view layer 1&apos;s weight gradient starts at 1.1·10⁻⁷ against 0.31 for layer 10, a ratio of 3·10⁻⁷. The first layers hardly change, and after 500 steps the test accuracy is still 0.30, no better than guessing among three classes. The outputs also hover around 0.5, which raises the bias-shift warning (lesson 2). The comparison uses ReLU with He initialisation: its slope is 1 wherever a unit is active, layer 1&apos;s gradient is 0.3 times layer 10&apos;s at step 0, no warning fires and the test accuracy reaches 0.99.</source>
        <comment>sigmoid-deep: explanation</comment>
        <translation>시그모이드의 기울기는 최대 0.25라서, 오차가 층을 하나 거슬러 갈 때마다 또 줄어듭니다. 그래디언트 흐름 뷰를 보면 0단계에서 1층의 가중치 그래디언트는 1.1×10⁻⁷로, 10층의 0.31에 비해 3×10⁻⁷배밖에 되지 않습니다. 앞쪽 층은 거의 바뀌지 않고, 500단계가 지나도 테스트 정확도는 세 클래스 중 하나를 찍는 수준인 0.30에 머뭅니다. 출력이 0.5 근처에 모여 있어서 편향 이동 경고(2강)도 함께 뜹니다. 비교 설정은 ReLU와 He 초기화입니다. 활성 상태인 유닛에서는 기울기가 1이라 0단계에서 1층의 그래디언트가 10층의 0.3배 수준이고, 경고 없이 테스트 정확도가 0.99까지 올라갑니다.</translation>
    </message>
    <message>
        <source>ReLU with He initialisation</source>
        <comment>sigmoid-deep: compare.title</comment>
        <translation>ReLU + He 초기화</translation>
    </message>
    <message>
        <source>tanh with N(0, 1): saturation at ±1</source>
        <comment>tanh-large-init: title</comment>
        <translation>tanh + N(0, 1): ±1에서 포화</translation>
    </message>
    <message>
        <source>The same network with weights from N(0, 1). Where will the activations pile up? Textbooks often say the gradients then vanish: will layer 1&apos;s weight gradient be smaller or larger than layer 10&apos;s?</source>
        <comment>tanh-large-init: question</comment>
        <translation>같은 신경망에서 가중치를 N(0, 1)에서 뽑습니다. 활성값은 어디에 몰릴까요? 교재에서는 흔히 이때 그래디언트가 소실된다고 합니다. 1층의 가중치 그래디언트는 10층보다 작을까요, 클까요?</translation>
    </message>
    <message>
        <source>Each weighted sum now has a std of about 22, far beyond the bend of tanh, so 89% of the activations in every layer sit at ±1, where the slope is below 1% of its maximum (saturation warning). Those units pass almost no gradient, but the few that do multiply it by weights about 22 times larger than Xavier&apos;s, and over ten layers that wins: at step 0 layer 1&apos;s weight gradient is 7·10⁴ times layer 10&apos;s, and the exploding-gradient warning fires instead of the vanishing one. Either way the network does not learn: the loss starts at 32 and is still 32 after 100 steps. With Xavier initialisation no unit saturates and the weight gradients of all layers stay within a factor of about 2 of each other.</source>
        <comment>tanh-large-init: explanation</comment>
        <translation>이제 가중합의 표준편차가 약 22로, tanh가 꺾이는 구간을 한참 넘어섭니다. 그래서 모든 층에서 활성값의 89%가 기울기가 최댓값의 1%도 안 되는 ±1에 붙어 있습니다(포화 경고). 이런 유닛은 그래디언트를 거의 전달하지 못하지만, 전달하는 일부 유닛은 그 값을 Xavier보다 약 22배 큰 가중치로 곱합니다. 층 10개를 지나면 이쪽이 이겨서, 0단계에서 1층의 가중치 그래디언트가 10층의 7×10⁴배가 되고 소실 경고가 아니라 폭주 경고가 뜹니다. 어느 쪽이든 학습은 되지 않습니다. 손실은 32에서 시작해 100단계 뒤에도 32입니다. Xavier 초기화에서는 포화된 유닛이 없고, 모든 층의 가중치 그래디언트가 서로 2배 안팎으로 유지됩니다.</translation>
    </message>
    <message>
        <source>Xavier initialisation</source>
        <comment>tanh-large-init: compare.title</comment>
        <translation>Xavier 초기화</translation>
    </message>
    <message>
        <source>tanh with N(0, 0.01): activations collapse toward 0</source>
        <comment>tanh-small-init: title</comment>
        <translation>tanh + N(0, 0.01): 0으로 쪼그라드는 활성값</translation>
    </message>
    <message>
        <source>Ten layers of 500 tanh units, weights drawn from N(0, 0.01²), unit-Gaussian input. Layer 1&apos;s activations have a std of about 0.2. What will layer 10&apos;s be?</source>
        <comment>tanh-small-init: question</comment>
        <translation>tanh 유닛 500개짜리 층이 10개이고, 가중치는 N(0, 0.01²)에서 뽑으며 입력은 표준정규분포를 따릅니다. 1층 활성값의 표준편차는 약 0.2입니다. 10층은 얼마일까요?</translation>
    </message>
    <message>
        <source>Each unit sums 500 inputs with weights of std 0.01, so its output spreads √500 × 0.01 ≈ 0.22 times as far as its input: every layer shrinks the signal about fivefold. The activation histograms narrow from a std of 0.21 at layer 1 to 3·10⁻⁷ at layer 10, and the activation-collapse warning fires at step 0. The gradients are tiny as well, about 7·10⁻⁷ in every layer: a weight&apos;s gradient multiplies the signal arriving from below by the error arriving from above, and in each layer one of the two has already shrunk. So the ratio between layer 1 and layer 10 stays near 1 and the vanishing-gradient warning stays quiet, yet nothing is learned (test accuracy 0.12 after 100 steps). With Xavier initialisation (std 1/√500 ≈ 0.045 here) layer 10 keeps a std of 0.23.</source>
        <comment>tanh-small-init: explanation</comment>
        <translation>각 유닛은 입력 500개를 표준편차 0.01인 가중치로 더하므로, 출력의 퍼짐은 입력의 √500 × 0.01 ≈ 0.22배가 됩니다. 층을 지날 때마다 신호가 약 5분의 1로 줄어드는 셈입니다. 활성값 히스토그램의 표준편차는 1층 0.21에서 10층 3×10⁻⁷까지 좁아지고, 0단계부터 활성값 붕괴 경고가 뜹니다. 그래디언트도 모든 층에서 7×10⁻⁷ 안팎으로 아주 작습니다. 가중치의 그래디언트는 아래에서 올라온 신호와 위에서 내려온 오차를 곱한 것인데, 어느 층에서든 둘 중 하나는 이미 작아져 있기 때문입니다. 그래서 1층과 10층의 비율은 1 근처에 머물러 그래디언트 소실 경고는 뜨지 않지만, 학습은 전혀 되지 않습니다(100단계 후 테스트 정확도 0.12). Xavier 초기화(여기서는 표준편차 1/√500 ≈ 0.045)를 쓰면 10층의 표준편차가 0.23으로 유지됩니다.</translation>
    </message>
    <message>
        <source>Xavier initialisation</source>
        <comment>tanh-small-init: compare.title</comment>
        <translation>Xavier 초기화</translation>
    </message>
    <message>
        <source>tanh with Xavier: a healthy spread in every layer</source>
        <comment>tanh-xavier: title</comment>
        <translation>tanh + Xavier: 모든 층에 고르게 퍼진 활성값</translation>
    </message>
    <message>
        <source>Xavier initialisation draws weights with variance 2/(fan_in + fan_out). Will layer 10&apos;s activations still spread as widely as layer 1&apos;s? Does it matter whether the weights are normal or uniform?</source>
        <comment>tanh-xavier: question</comment>
        <translation>Xavier 초기화는 분산이 2/(fan_in + fan_out)인 가중치를 씁니다. 10층의 활성값도 1층만큼 넓게 퍼질까요? 가중치를 정규분포에서 뽑든 균등분포에서 뽑든 차이가 있을까요?</translation>
    </message>
    <message>
        <source>Xavier chooses the weight variance so that a layer passes on roughly the variance it receives, forward and backward alike, as long as the activation is nearly linear around 0, as tanh is. The histograms stay wide and unsaturated: the std falls only gently, from 0.63 at layer 1 to 0.23 at layer 10 (tanh flattens the larger values a little in each layer), and the weight gradients of all layers are within a factor of about 2 of each other. No warning fires, and the training loss falls from 2.35 to 1.49 in 100 steps. The uniform variant U(−a, a) with a = √(6/(fan_in + fan_out)) has the same variance and gives the same picture (0.63 and 0.23).</source>
        <comment>tanh-xavier: explanation</comment>
        <translation>Xavier는 활성화 함수가 0 근처에서 거의 선형이라고 보고(tanh가 그렇습니다), 각 층이 순전파와 역전파 모두에서 받은 분산을 거의 그대로 넘기도록 가중치 분산을 정합니다. 히스토그램은 포화 없이 넓게 유지됩니다. 표준편차는 1층 0.63에서 10층 0.23으로 완만하게 줄어들 뿐이고(tanh가 층마다 큰 값을 조금씩 눌러 주기 때문입니다), 모든 층의 가중치 그래디언트가 서로 2배 안팎입니다. 경고는 뜨지 않고, 학습 손실은 100단계 동안 2.35에서 1.49로 내려갑니다. 균등분포 U(−a, a), a = √(6/(fan_in + fan_out))도 분산이 같아서 결과도 같습니다(0.63과 0.23).</translation>
    </message>
    <message>
        <source>Xavier uniform</source>
        <comment>tanh-xavier: compare.title</comment>
        <translation>Xavier 균등분포</translation>
    </message>
    <message>
        <source>Neurons with the same incoming weights compute the same output, receive the same gradient and take the same update, so in exact arithmetic nothing can tell them apart: each layer works like a single neuron. The weights view counts distinct neurons: 1 in every layer from step 0 to step 1000 (the symmetry warning), although the weights themselves keep changing. Left to run much longer, floating-point rounding (some neurons&apos; sums are added in a different order) slowly pulls them apart: in our measurement the first layer counted 2 distinct neurons after about 8 000 steps, and the warning went away. That is symmetry broken by accident, far too late and too weakly to help. Such a network can only draw very simple boundaries, and its test accuracy is 0.42 after 1000 steps; towards the end its largest gradient grows fast enough to raise the exploding-gradient warning as well. Random Xavier weights break the symmetry from the start: 64 distinct neurons per layer and a test accuracy of 0.99. Zero initialisation is the extreme case: with tanh every activation and every hidden-layer gradient stays exactly 0.</source>
        <comment>constant-init: explanation</comment>
        <translation>들어오는 가중치가 같은 뉴런들은 같은 값을 출력하고, 같은 그래디언트를 받아, 같은 만큼 갱신됩니다. 그러니 정확한 산술에서는 서로를 구별할 방법이 없고, 층 하나가 뉴런 하나처럼 동작합니다. 가중치 뷰의 서로 다른 뉴런 수는 0단계부터 1000단계까지 모든 층에서 1입니다(대칭 경고). 가중치 자체는 계속 바뀌는데도 그렇습니다. 학습을 훨씬 오래 두면 부동소수점 반올림(일부 뉴런의 합을 다른 순서로 더하면서 생기는 차이)이 뉴런들을 조금씩 갈라놓습니다. 측정해 보니 약 8 000단계 뒤 첫 층의 서로 다른 뉴런 수가 2가 되었고 경고가 사라졌습니다. 우연히 깨진 대칭이라 너무 늦고 약해서 학습에는 도움이 되지 않습니다. 이런 신경망은 아주 단순한 경계밖에 그리지 못해서 1000단계 후 테스트 정확도가 0.42이고, 끝 무렵에는 가장 큰 그래디언트가 빠르게 커져 그래디언트 폭주 경고까지 뜹니다. 무작위 Xavier 가중치는 처음부터 대칭을 깨므로 층마다 뉴런 64개가 모두 다르고, 테스트 정확도는 0.99입니다. 0으로 초기화하면 더 극단적입니다. tanh라면 모든 활성값과 은닉층 그래디언트가 정확히 0에 머뭅니다.</translation>
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
    <message>
        <source>Layer 1&apos;s weight gradient underflowed: it is below the smallest float (%1) and reads as 0, next to layer %2&apos;s: the first layers do not learn.</source>
        <translation>첫 층의 가중치 기울기가 언더플로되었습니다: float의 최솟값(%1)보다 작아 %2 층과 달리 0으로 읽힙니다: 앞쪽 층들이 학습하지 못합니다.</translation>
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
    <message>
        <source>z</source>
        <translation>z</translation>
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
    <message>
        <source>‖∂L/∂W‖ per layer</source>
        <translation>층별 ‖∂L/∂W‖</translation>
    </message>
    <message>
        <source>‖∂L/∂W‖ over time</source>
        <translation>시간별 ‖∂L/∂W‖</translation>
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
    <message>
        <source>layer</source>
        <translation>층</translation>
    </message>
    <message>
        <source>underflow</source>
        <translation>언더플로</translation>
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
    <message>
        <source>accuracy</source>
        <translation>정확도</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>training</source>
        <translation>학습</translation>
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
    <message>
        <source>an unknown error</source>
        <translation>알 수 없는 오류</translation>
    </message>
    <message>
        <source>Training stopped: %1</source>
        <translation>학습이 멈췄습니다: %1</translation>
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
    <message>
        <source>std(W) per layer</source>
        <translation>층별 std(W)</translation>
    </message>
    <message>
        <source>std(W)</source>
        <translation>std(W)</translation>
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
